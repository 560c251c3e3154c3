#pragma once

// The typed, read-only model of one case file (`ehdocs.case/1`, docs/case-format.md).
// Built only by CaseReader, which has already checked every type, enum, date and reference,
// so code reading a Case may trust it: a member or worker id always resolves.
// Text fields that were absent are empty strings; optional dates and numbers are std::optional;
// absent lists are empty. Enum fields keep the file's snake_case value.

#include <optional>
#include <string>
#include <vector>

#include "case/Date.h"

namespace ehdocs {

using Text = std::string;
using Id = std::string;
using IdList = std::vector<Id>;

struct Service {
    Text authority, name, team;
    std::vector<Text> address;
    Text phone, email;
};

struct Address {
    std::vector<Text> lines;
    Text town, postcode;
};

struct Member {
    Id id;
    Text kind;  // child | adult | unborn
    Text firstName, lastName, preferredName;
    std::optional<Date> dob;           // children and adults
    std::optional<Date> expectedDate;  // unborn
    Text gender, ethnicity, relationship;
    bool parentalResponsibility = false;
    bool inHousehold = false;
    Text school;
    bool receivesLetters = false;  // adults; a child only when 16 or over on the letter's date
    Text consent;                  // given | refused | not_sought | "" (children)
    IdList fatherOf, motherOf;

    bool isChild() const { return kind == "child"; }
    bool isAdult() const { return kind == "adult"; }
    bool hasConsent() const { return consent == "given"; }
};

struct NetworkLink {
    Text name, relationship, kind, strength;
    IdList members;
    Text notes;
};

struct Family {
    Text familyName;
    Address address;
    Text language;
    bool interpreterNeeded = false;
    std::vector<Member> members;
    std::vector<NetworkLink> network;
};

struct Worker {
    Id id;
    Text name, role, agency, team, phone, email;
};

struct Referrer {
    Text name, agency, email, phone;
};

struct ReferralConsent {
    bool given = false, written = false;
    std::optional<Date> date;
    Id givenBy;  // member or ""
    Text scope;
};

struct ReferralDecision {
    Text outcome;  // allocated | nam | signpost | redirect_to_csc | advice | ""
    std::optional<DateTime> date;
    Id by;
};

struct Referral {
    DateTime received;
    Text source;
    Referrer referrer;
    Text route;  // new | re_referral | step_down | redirected
    std::vector<Text> reasons;
    Text summary;
    std::optional<ReferralConsent> consent;
    std::optional<ReferralDecision> decision;
};

struct AllocationTargets {
    std::optional<Date> firstVisit, assessment, firstMeeting, managerReview;
};

struct Allocation {
    std::optional<DateTime> allocatedAt;
    Id worker, allocatedBy;
    Text note;
    std::optional<double> wellbeingScore;
    AllocationTargets targets;
};

struct Words {  // a person's own words: voice_of_child, child_views, parent_views
    Id member;
    Text text;
};

struct Contact {
    Id id;
    DateTime at;
    std::optional<DateTime> recordedAt;
    Text kind;
    Id worker;
    Text location;
    IdList with, childrenSeen, seenAlone;
    std::vector<Words> voiceOfChild;
    Text summary, analysis, nextSteps;
    bool significant = false;
    Text status;  // draft | final
};

struct Score {
    Text tool;  // wellbeing_scale | outcome_star | other
    Text area;
    Id member;
    double score = 0;
    std::optional<double> max;
    std::optional<Date> date;
};

struct Signature {  // authorised / quality_assured
    Id by;
    std::optional<Date> date;
};

struct Assessment {
    std::optional<Date> started, completed;
    std::optional<Signature> authorised, qualityAssured;
    std::optional<Date> sharedWithFamily;
    Text familyViews, reasonForAssessment, familyStory, networkSummary;
    std::vector<Text> strengths, worries;
    Text whatNeedsToChange;
    std::vector<Text> familyGoals;
    Text helpNeeded;
    std::vector<Words> childViews, parentViews;
    Text analysis;
    IdList membersAssessed;
    std::vector<Score> scores;
    Text overdueReason;
};

struct Goal {
    Id id;
    Text outcome;
    IdList members;
    Text measure;
    Text sfOutcome;  // a headline or ""
};

struct Action {
    Id id, goal;
    Text action, who;
    Id owner;  // worker or member id, or ""
    std::optional<Date> by;
    Text status;  // not_started | in_progress | done | dropped | handed_over
    Text note;    // for handed_over: who carries the action on
};

struct Plan {
    int version = 0;
    Date date;
    Id meeting;
    std::vector<Goal> goals;
    std::vector<Action> actions;
    Text contactPlan, seenAlonePlan;
    std::optional<Date> reviewBy;
    Text contingency;
};

struct Attendee {
    Text name, role, agency;
    Id member, worker;
    bool attended = false;
};

struct Progress {
    Id goal;
    Text rating, comment;
};

struct Meeting {
    Id id;
    Text kind;
    DateTime at;
    Text location;
    Id chair;
    std::optional<Date> invitedAt;
    std::vector<Attendee> attendees;
    bool familyAttended = false;
    std::vector<Words> childViews;
    Text discussion;
    std::vector<Progress> progress;
    std::vector<Text> decisions;
    std::vector<Action> actions;
    std::vector<Score> scores;
    std::optional<Date> nextMeeting, minutesShared;

    bool isTaf() const { return kind == "initial_taf" || kind == "review_taf" || kind == "ending"; }
};

struct Event {
    Date date;
    Text event, source, impact;
    IdList members;
};

struct Supervision {
    DateTime at;
    Id supervisor, worker;
    Text kind, point, discussion;
    std::vector<Text> decisions, actions;
};

struct AgencyReferral {
    std::optional<Date> date;
    Text agency, service, reason;
    bool consent = false;
    Text outcome;
};

struct Correspondence {
    std::optional<Date> date;
    Text direction, kind, party, subject;
    Id document;
};

struct DirectWork {
    std::optional<Date> date;
    Text title;
    IdList members;
    Text description, file;
};

struct Feedback {
    std::optional<Date> date;
    Id member;
    Text method, text;
    std::optional<double> score;
    bool declined = false;
};

struct TransferParty {
    Text service;
    Id worker;  // a worker id or ""
    // The person's name when they are not one of the case's workers: `name`, or else a `to.worker`
    // that matches no worker id ("Duty social worker"; the contract's "`worker` or name").
    Text name;
};

struct Transfer {
    Text kind;  // step_up | step_down_in | to_universal | lead_change
    Date decided;
    Text panel;
    std::optional<Date> effective;
    TransferParty from, to;
    Text reason;
    std::optional<Date> handoverMeeting, endingLetter;
    // False only when the file says so: telling the family would put a child at further risk
    // (000: 14.2), with the reason and the worker (a manager) who decided.
    bool familyInformed = true;
    Text notInformedReason;
    Id decidedBy;  // worker or ""
};

struct OngoingSupport {
    Text agency, support;
};

struct EngagementAttempt {
    std::optional<Date> date;
    Text method, outcome;
};

struct ChildNotSeen {  // closure.children_not_seen / children_not_seen_alone
    Id member;
    Text reason;
};

// A manager's judgement, when a family withdraws, on referring to Children's Social Care
// (000: 16.1; 001: 17.1).
struct SafeguardingDecision {
    Id by;  // worker or ""
    std::optional<Date> date;
    std::optional<bool> referred;  // unset when the file does not say
    Text reasoning;
};

struct Closure {
    Date date;
    Text reason, reasonDetail;
    Id endingMeeting;
    Text noEndingMeetingReason, workUndertaken, outcomesAchieved;
    std::vector<OngoingSupport> ongoingSupport;
    Text whoToContact;
    std::vector<EngagementAttempt> engagementAttempts;
    std::optional<Date> referrerInformed;
    std::vector<Score> finalScores;
    std::optional<Signature> authorised;
    std::vector<ChildNotSeen> childrenNotSeen, childrenNotSeenAlone;
    std::optional<SafeguardingDecision> safeguardingDecision;
};

struct SfCriterion {
    Text headline;
    IdList members;
    Text evidence, source;
    std::optional<Date> date;
};

struct SfOutcome {
    Text headline, status;
    std::optional<Date> achieved, sustainedUntil;
    Text evidence, source;
};

struct SfEmployment {
    Id member;
    std::optional<Date> started, continuousUntil;
};

struct SfClaim {
    Text kind;
    std::optional<Date> submitted;
    Text reference;
};

struct SupportingFamilies {
    Text framework;  // sf_2022 | tf_2015
    std::optional<Date> attached;
    std::vector<SfCriterion> criteria;
    bool wholeFamilyAssessment = false, wholeFamilyPlan = false, leadWorkerRecognised = false;
    std::vector<SfOutcome> outcomes;
    std::optional<SfEmployment> employment;
    std::optional<SfClaim> claim;
};

struct IssuedDocument {
    Id id;
    Text type;
    DateTime issuedAt;
    Id by;
    Text format, to, sha256, templateVersion;
};

struct Case {
    Text format;
    Id caseId;
    Id profile;  // "" = the service's default
    Service service;
    Text status;  // open | closed
    Text levelOfNeed;
    Family family;
    std::vector<Worker> workers;
    Id leadWorker, teamLeader;
    Referral referral;
    std::optional<Allocation> allocation;
    std::vector<Contact> contacts;
    std::optional<Assessment> assessment;
    std::vector<Plan> plans;
    std::vector<Meeting> meetings;
    std::vector<Event> chronology;
    std::vector<Supervision> supervision;
    std::vector<AgencyReferral> agencyReferrals;
    std::vector<Correspondence> correspondence;
    std::vector<DirectWork> directWork;
    std::vector<Feedback> feedback;
    std::vector<Transfer> transfers;
    std::optional<Closure> closure;
    std::optional<SupportingFamilies> supportingFamilies;
    std::vector<IssuedDocument> documents;

    // Lookups; nullptr when the id is not in the file.
    const Member* member(const Id& id) const;
    const Worker* worker(const Id& id) const;
    const Meeting* meeting(const Id& id) const;
    // The plan with the highest version, or nullptr when there is none.
    const Plan* latestPlan() const;
};

}  // namespace ehdocs
