#define BOOST_TEST_MODULE ehdocs web app
#include <boost/test/unit_test.hpp>
