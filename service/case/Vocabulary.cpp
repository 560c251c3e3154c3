#include "case/Vocabulary.h"

namespace ehdocs::vocabulary {

const Values caseStatus = {"open", "closed"};
const Values levelOfNeed = {"universal_plus", "targeted", "child_in_need", "child_protection"};
const Values memberKind = {"child", "adult", "unborn"};
const Values childConsent = {"given", "refused", "not_sought"};
const Values networkKind = {"family", "friend",       "community", "school",
                            "health", "professional", "other"};
const Values linkStrength = {"strong", "moderate", "tenuous", "stressful"};
const Values workerRole = {"coach",
                           "family_worker",
                           "lead_practitioner",
                           "senior_practitioner",
                           "advanced_practitioner",
                           "team_leader",
                           "team_manager",
                           "social_worker",
                           "coordinator",
                           "partner"};
const Values referralSource = {
    "school",           "health",  "police", "self", "family_member", "children_social_care",
    "voluntary_sector", "housing", "other"};
const Values referralRoute = {"new", "re_referral", "step_down", "redirected"};
const Values referralReason = {"domestic_abuse",
                               "parental_mental_health",
                               "parental_substance_misuse",
                               "parental_learning_disability",
                               "family_conflict",
                               "school_exclusion",
                               "school_attendance",
                               "neet",
                               "exploitation",
                               "emotional_wellbeing",
                               "child_to_parent_abuse",
                               "additional_learning_needs",
                               "young_carer",
                               "housing",
                               "financial",
                               "crime_antisocial",
                               "early_years",
                               "health",
                               "other"};
const Values decisionOutcome = {"allocated", "nam", "signpost", "redirect_to_csc", "advice"};
const Values contactKind = {"initial_contact", "initial_home_visit", "home_visit",
                            "school_visit",    "office_visit",       "community_visit",
                            "joint_visit",     "telephone",          "video",
                            "support_call",    "attempted_contact",  "letter"};
const Values recordStatus = {"draft", "final"};
const Values scoreTool = {"wellbeing_scale", "outcome_star", "other"};
const Values actionStatus = {"not_started", "in_progress", "done", "dropped", "handed_over"};
const Values meetingKind = {"initial_taf",   "review_taf", "ending",     "transfer",
                            "professionals", "nam",        "drift_panel"};
const Values supervisionKind = {"individual", "group", "management_oversight", "case_discussion"};
const Values supervisionPoint = {"allocation", "after_introductory_visit",
                                 "assessment", "initial_plan",
                                 "review",     "transfer",
                                 "closure",    "routine"};
const Values correspondenceDirection = {"sent", "received"};
const Values correspondenceKind = {"letter", "email", "form", "text_message"};
const Values feedbackMethod = {"form", "verbal", "radar", "family_feedback_tool", "other"};
const Values transferKind = {"step_up", "step_down_in", "to_universal", "lead_change"};
const Values closureReason = {"goals_achieved", "work_complete_universal_support",
                              "stepped_up",     "consent_withdrawn",
                              "disengaged",     "moved_away",
                              "other"};
const Values attemptMethod = {"home_visit",        "joint_visit", "alternative_location",
                              "alternative_time",  "telephone",   "letter",
                              "referrer_contacted"};
const Values sfFramework = {"sf_2022", "tf_2015"};
const Values headlinesSf2022 = {"education",
                                "early_years",
                                "health",
                                "substance_use",
                                "family_relationships",
                                "safe_from_exploitation",
                                "crime",
                                "domestic_abuse",
                                "housing",
                                "financial_stability"};
const Values headlinesTf2015 = {"crime_asb",    "education",      "children_need_help",
                                "worklessness", "domestic_abuse", "health"};
const Values sfStatus = {"not_started", "in_progress", "achieved", "sustained"};
const Values claimKind = {"significant_and_sustained_progress", "continuous_employment"};
const Values documentFormat = {"html", "pdf", "xlsx"};

const Values& frameworkHeadlines(const std::string& framework) {
    static const Values none;
    if (framework == "sf_2022") return headlinesSf2022;
    if (framework == "tf_2015") return headlinesTf2015;
    return none;
}

}  // namespace ehdocs::vocabulary
