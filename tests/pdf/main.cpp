#define BOOST_TEST_MODULE ehdocs pdf
#include <Poco/Exception.h>

#include <boost/test/unit_test.hpp>
#include <boost/test/unit_test_monitor.hpp>

namespace {

// Poco's what() is only the exception's name; report its message when a test throws.
void translate(const Poco::Exception& e) {
    BOOST_FAIL("uncaught " + e.displayText());
}

struct PocoMessages {
    PocoMessages() {
        boost::unit_test::unit_test_monitor.register_exception_translator<Poco::Exception>(
            &translate);
    }
};

}  // namespace

BOOST_TEST_GLOBAL_FIXTURE(PocoMessages);
