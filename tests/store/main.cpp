#define BOOST_TEST_MODULE ehdocs store
#include <boost/test/unit_test.hpp>
