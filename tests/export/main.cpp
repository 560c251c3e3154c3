#define BOOST_TEST_MODULE ehdocs export
#include <boost/test/unit_test.hpp>
