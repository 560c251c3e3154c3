#define BOOST_TEST_MODULE ehdocs_cli
#include <boost/test/unit_test.hpp>
