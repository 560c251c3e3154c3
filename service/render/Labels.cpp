#include "render/Labels.h"

#include <map>

namespace ehdocs::render {
namespace {

const std::map<std::string, std::string>& specialLabels() {
    static const std::map<std::string, std::string> labels = {
        {"neet", "Not in education, employment or training (NEET)"},
        {"crime_antisocial", "Crime or antisocial behaviour"},
        {"child_to_parent_abuse", "Child to parent abuse"},
        {"universal_plus", "Universal plus"},
        {"child_in_need", "Child in need"},
        {"nam", "Neighbourhood Action Meeting (NAM)"},
        {"redirect_to_csc", "Redirected to children's social care"},
        {"children_social_care", "Children's social care"},
        {"initial_taf", "Initial Team Around the Family meeting"},
        {"review_taf", "Review Team Around the Family meeting"},
        {"ending", "Ending meeting"},
        {"transfer", "Transfer meeting"},
        {"professionals", "Professionals meeting"},
        {"drift_panel", "Drift panel"},
        {"step_up", "Step up to children's social care"},
        {"step_down_in", "Step down into Early Help"},
        {"to_universal", "Step down to universal services"},
        {"lead_change", "Change of lead professional"},
        {"goals_achieved", "Goals achieved"},
        {"work_complete_universal_support", "Work complete; universal support continues"},
        {"stepped_up", "Stepped up to children's social care"},
        {"consent_withdrawn", "Consent withdrawn"},
        {"disengaged", "Family did not engage"},
        {"moved_away", "Family moved away"},
        {"referrer_contacted", "Referrer contacted"},
        {"alternative_location", "Meeting at another place"},
        {"alternative_time", "Appointment at another time"},
        {"wellbeing_scale", "Wellbeing scale"},
        {"outcome_star", "Outcome Star"},
        {"sf_2022", "Supporting Families 2022-25"},
        {"tf_2015", "Troubled Families 2015-20"},
        {"sf_coordinator", "Supporting Families coordinator"},  // a user's role (admin page)
        {"re_referral", "Re-referral"},
        {"family_feedback_tool", "Family feedback tool"},
        {"text_message", "Text message"},
        {"management_oversight", "Management oversight"},
        {"handed_over", "Handed over to another service"},  // an action's status; note says who
    };
    return labels;
}

}  // namespace

std::string label(const std::string& value) {
    auto it = specialLabels().find(value);
    if (it != specialLabels().end()) return it->second;
    std::string out = value;
    for (char& c : out)
        if (c == '_') c = ' ';
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 32);
    return out;
}

std::string familyWords(const std::string& reason) {
    // Said to the family, who may not be the only reader: plain, and naming no one's harm.
    static const std::map<std::string, std::string> words = {
        {"domestic_abuse", "relationships and feeling safe at home"},
        {"parental_mental_health", "how a parent is feeling"},
        {"parental_substance_misuse", "a parent's use of alcohol or drugs"},
        {"parental_learning_disability", "extra help for a parent with learning"},
        {"family_conflict", "arguments or stress at home"},
        {"school_exclusion", "being sent home from school"},
        {"school_attendance", "getting to school every day"},
        {"neet", "getting into school, training or work"},
        {"exploitation", "keeping safe outside the home"},
        {"emotional_wellbeing", "how a child is feeling"},
        {"child_to_parent_abuse", "how a child treats a parent"},
        {"additional_learning_needs", "extra help with learning"},
        {"young_carer", "a child who looks after someone at home"},
        {"housing", "your home"},
        {"financial", "money worries"},
        {"crime_antisocial", "trouble with the police or neighbours"},
        {"early_years", "how a young child is growing and learning"},
        {"health", "health"},
        {"other", "other worries"},
    };
    auto it = words.find(reason);
    return it == words.end() ? label(reason) : it->second;
}

std::string joinAnd(const std::vector<std::string>& parts) {
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) out += i + 1 == parts.size() ? " and " : ", ";
        out += parts[i];
    }
    return out;
}

std::string closureReasonLabel(const std::string& reason) {
    return reason == "other" ? "Closed for another reason" : label(reason);
}

std::string roleTitle(const std::string& role) {
    static const std::map<std::string, std::string> titles = {
        {"coach", "Family Coach"},
        {"family_worker", "Family Worker"},
        {"lead_practitioner", "Lead Practitioner"},
        {"senior_practitioner", "Senior Practitioner"},
        {"advanced_practitioner", "Advanced Practitioner"},
        {"team_leader", "Team Leader"},
        {"team_manager", "Team Manager"},
        {"social_worker", "Social Worker"},
        {"coordinator", "Coordinator"},
        {"partner", "Partner agency"},
    };
    auto it = titles.find(role);
    return it == titles.end() ? label(role) : it->second;
}

}  // namespace ehdocs::render
