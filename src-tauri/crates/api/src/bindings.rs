//! Renders every wire type as TypeScript into one file, `ui/src/api/bindings.ts`, so that the window
//! and the api cannot drift apart. The file is committed; the test `bindings_are_current` fails when
//! it is stale, and `UPDATE_BINDINGS=1 cargo test -p draagkracht-api bindings` rewrites it.

use crate::error::{ApiError, ErrorCode, FieldRefusal};
use crate::wire::*;
use ts_rs::{Config, TS};

/// The generated file's path, relative to this crate.
pub const BINDINGS_PATH: &str = "../../../ui/src/api/bindings.ts";

/// The whole TypeScript file.
pub fn typescript() -> String {
    let cfg = Config::new();
    let mut out = String::from(
        "// Generated from the Rust wire types (src-tauri/crates/api/src/wire.rs) by ts-rs. Do not edit:\n\
         // run `UPDATE_BINDINGS=1 cargo test -p draagkracht-api bindings` after changing them.\n\n",
    );
    let decls = [
        ApiError::decl(&cfg),
        ErrorCode::decl(&cfg),
        FieldRefusal::decl(&cfg),
        Field::decl(&cfg),
        RefusalCode::decl(&cfg),
        VolunteerId::decl(&cfg),
        ProgrammeId::decl(&cfg),
        HourEntryId::decl(&cfg),
        VolunteerStatus::decl(&cfg),
        HourKind::decl(&cfg),
        Language::decl(&cfg),
        SetupChoice::decl(&cfg),
        AppStatus::decl(&cfg),
        Programme::decl(&cfg),
        ProgrammeInput::decl(&cfg),
        Volunteer::decl(&cfg),
        VolunteerInput::decl(&cfg),
        VolunteerFilter::decl(&cfg),
        VolunteerRow::decl(&cfg),
        VolunteerDetail::decl(&cfg),
        VolunteerChoice::decl(&cfg),
        HourTotals::decl(&cfg),
        HourEntry::decl(&cfg),
        HourEntryInput::decl(&cfg),
        WeekGrid::decl(&cfg),
        WeekRow::decl(&cfg),
        DayHoursInput::decl(&cfg),
        DayHoursChange::decl(&cfg),
        MonthOverview::decl(&cfg),
        ProgrammeHours::decl(&cfg),
        ParticipantId::decl(&cfg),
        MatchId::decl(&cfg),
        AssessmentId::decl(&cfg),
        InvolvementId::decl(&cfg),
        ReferralId::decl(&cfg),
        ActivityId::decl(&cfg),
        LifeDomain::decl(&cfg),
        CrisisMarker::decl(&cfg),
        CaseLevel::decl(&cfg),
        MatchStatus::decl(&cfg),
        ProfessionalKind::decl(&cfg),
        ActivityLevel::decl(&cfg),
        ParticipantInput::decl(&cfg),
        Participant::decl(&cfg),
        ParticipantRow::decl(&cfg),
        ParticipantDetail::decl(&cfg),
        VolunteerRef::decl(&cfg),
        ProgrammeRef::decl(&cfg),
        PastMatch::decl(&cfg),
        MatchInput::decl(&cfg),
        EndMatchInput::decl(&cfg),
        Match::decl(&cfg),
        MatchDetail::decl(&cfg),
        Zrm::decl(&cfg),
        AssessmentInput::decl(&cfg),
        Assessment::decl(&cfg),
        InvolvementInput::decl(&cfg),
        Involvement::decl(&cfg),
        ReferralInput::decl(&cfg),
        Referral::decl(&cfg),
        ActivityInput::decl(&cfg),
        Activity::decl(&cfg),
        CaseVocabulary::decl(&cfg),
        SignalId::decl(&cfg),
        RuleId::decl(&cfg),
        Severity::decl(&cfg),
        SignalStatus::decl(&cfg),
        Resolution::decl(&cfg),
        draagkracht_core::signals::Figure::decl(&cfg),
        draagkracht_core::signals::Evidence::decl(&cfg),
        SignalView::decl(&cfg),
        ActionGroup::decl(&cfg),
        VolunteerRoom::decl(&cfg),
        GoalId::decl(&cfg),
        draagkracht_core::goals::GoalResult::decl(&cfg),
        Goal::decl(&cfg),
        GoalInput::decl(&cfg),
        MatchGoal::decl(&cfg),
        GoalResultInput::decl(&cfg),
        MunicipalityId::decl(&cfg),
        SubsidyId::decl(&cfg),
        Municipality::decl(&cfg),
        Subsidy::decl(&cfg),
        SubsidyInput::decl(&cfg),
        StoryId::decl(&cfg),
        draagkracht_core::stories::FindingKind::decl(&cfg),
        draagkracht_core::stories::Finding::decl(&cfg),
        Story::decl(&cfg),
        StoryInput::decl(&cfg),
        OrganisationId::decl(&cfg),
        Organisation::decl(&cfg),
        OrganisationInput::decl(&cfg),
        AttentionRow::decl(&cfg),
        AttentionGroup::decl(&cfg),
        AttentionOverview::decl(&cfg),
        WeekLoad::decl(&cfg),
        SignalEvent::decl(&cfg),
        ConversationGuide::decl(&cfg),
        RuleGuide::decl(&cfg),
        GuideInput::decl(&cfg),
        SignalDetail::decl(&cfg),
        SignalAction::decl(&cfg),
        SignalActionInput::decl(&cfg),
        draagkracht_core::signals::ThresholdKey::decl(&cfg),
        ThresholdView::decl(&cfg),
        ThresholdInput::decl(&cfg),
        draagkracht_core::support::StrainBand::decl(&cfg),
        draagkracht_core::support::SupervisionKind::decl(&cfg),
        draagkracht_core::support::AllowanceCaps::decl(&cfg),
        TrainingView::decl(&cfg),
        RequiredTraining::decl(&cfg),
        SupervisionView::decl(&cfg),
        CheckInView::decl(&cfg),
        AllowanceView::decl(&cfg),
        Statement::decl(&cfg),
        VolunteerSupport::decl(&cfg),
        SupportInput::decl(&cfg),
        SupportSettings::decl(&cfg),
        SupportSettingsInput::decl(&cfg),
        AccessState::decl(&cfg),
        DatabaseAccess::decl(&cfg),
        BackupKind::decl(&cfg),
        BackupInfo::decl(&cfg),
        NewDatabaseInput::decl(&cfg),
        ChangePassphraseInput::decl(&cfg),
        RestoreInput::decl(&cfg),
        MakeRecoveryCodeInput::decl(&cfg),
        RecoveryCodeMade::decl(&cfg),
        RecoverInput::decl(&cfg),
        RestoreFileInput::decl(&cfg),
        BackupSettings::decl(&cfg),
        AboutInfo::decl(&cfg),
        PersonRef::decl(&cfg),
        ExportPersonInput::decl(&cfg),
        ExportedPerson::decl(&cfg),
        ErasureReport::decl(&cfg),
        RetentionRow::decl(&cfg),
        ProgrammeRetention::decl(&cfg),
        PrivacySettings::decl(&cfg),
        RetentionInput::decl(&cfg),
        AuditAction::decl(&cfg),
        AuditRow::decl(&cfg),
        ImportKind::decl(&cfg),
        TargetField::decl(&cfg),
        SourceColumn::decl(&cfg),
        SheetPreview::decl(&cfg),
        ColumnMapping::decl(&cfg),
        MappingInput::decl(&cfg),
        RowProblem::decl(&cfg),
        DryRun::decl(&cfg),
        ImportOutcome::decl(&cfg),
        ImportProgress::decl(&cfg),
        InterchangeOutcome::decl(&cfg),
        LoadWeek::decl(&cfg),
        VolunteerLoad::decl(&cfg),
        BranchYear::decl(&cfg),
        BranchTrend::decl(&cfg),
        ReportAudience::decl(&cfg),
        ReportFormat::decl(&cfg),
        ReportInput::decl(&cfg),
        ReportSettings::decl(&cfg),
        ReportSettingsInput::decl(&cfg),
        PreviewTable::decl(&cfg),
        PreviewSection::decl(&cfg),
        PreviewFigure::decl(&cfg),
        ReportPreview::decl(&cfg),
        ReportSaved::decl(&cfg),
        NationalAccountKind::decl(&cfg),
        NationalBranch::decl(&cfg),
        NationalAccount::decl(&cfg),
        NationalReportRequest::decl(&cfg),
        PublishedMonth::decl(&cfg),
        PublishingStatus::decl(&cfg),
        PublishReport::decl(&cfg),
        SharingStatus::decl(&cfg),
        DeviceInfo::decl(&cfg),
        SyncReport::decl(&cfg),
        SyncProblem::decl(&cfg),
        JoinCodeMade::decl(&cfg),
        JoinReport::decl(&cfg),
        TwoVersionsItem::decl(&cfg),
        JoinProgress::decl(&cfg),
    ];
    for decl in decls {
        out.push_str("export ");
        out.push_str(&decl);
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn bindings_are_current() {
        let path = std::path::PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo test"))
            .join(BINDINGS_PATH);
        let expected = typescript();
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(&path, &expected).expect("write bindings");
            return;
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == expected,
            "ui/src/api/bindings.ts is stale: run `UPDATE_BINDINGS=1 cargo test -p draagkracht-api bindings`"
        );
    }
}
