use super::*;

/// Every plan × role × flag combination and the tabs it sees, by label, in sidebar order.
/// Columns: plan, role, agency mode, white-label active, referral member | tabs.
const MATRIX: &str = "
    Free   Owner  -      -           -        | Profile Brands Team Upgrade Security Developer
    Free   Owner  -      -           referral | Profile Brands Team Upgrade Security Developer Referral
    Free   Owner  -      white-label -        | Profile Brands Team Upgrade Security Developer
    Free   Owner  -      white-label referral | Profile Brands Team Upgrade Security Developer Referral
    Free   Owner  agency -           -        | Profile Brands Team Upgrade Security Developer
    Free   Owner  agency -           referral | Profile Brands Team Upgrade Security Developer Referral
    Free   Owner  agency white-label -        | Profile Brands Team Upgrade Security Developer
    Free   Owner  agency white-label referral | Profile Brands Team Upgrade Security Developer Referral
    Free   Admin  -      -           -        | Profile Brands Team Upgrade Security Developer
    Free   Admin  -      -           referral | Profile Brands Team Upgrade Security Developer Referral
    Free   Admin  -      white-label -        | Profile Brands Team Upgrade Security Developer
    Free   Admin  -      white-label referral | Profile Brands Team Upgrade Security Developer Referral
    Free   Admin  agency -           -        | Profile Brands Team Upgrade Security Developer
    Free   Admin  agency -           referral | Profile Brands Team Upgrade Security Developer Referral
    Free   Admin  agency white-label -        | Profile Brands Team Upgrade Security Developer
    Free   Admin  agency white-label referral | Profile Brands Team Upgrade Security Developer Referral
    Free   Viewer -      -           -        | Profile Brands Team Upgrade Security Developer
    Free   Viewer -      -           referral | Profile Brands Team Upgrade Security Developer Referral
    Free   Viewer -      white-label -        | Profile Brands Team Upgrade Security Developer
    Free   Viewer -      white-label referral | Profile Brands Team Upgrade Security Developer Referral
    Free   Viewer agency -           -        | Profile Brands Team Upgrade Security Developer
    Free   Viewer agency -           referral | Profile Brands Team Upgrade Security Developer Referral
    Free   Viewer agency white-label -        | Profile Brands Team Upgrade Security Developer
    Free   Viewer agency white-label referral | Profile Brands Team Upgrade Security Developer Referral
    Growth Owner  -      -           -        | Profile Brands Team Billing Enterprise Security Developer
    Growth Owner  -      -           referral | Profile Brands Team Billing Enterprise Security Developer Referral
    Growth Owner  -      white-label -        | Profile Brands Team Billing Enterprise Security Developer
    Growth Owner  -      white-label referral | Profile Brands Team Billing Enterprise Security Developer Referral
    Growth Owner  agency -           -        | Profile Brands Team Billing Enterprise Security Developer
    Growth Owner  agency -           referral | Profile Brands Team Billing Enterprise Security Developer Referral
    Growth Owner  agency white-label -        | Profile Brands Team Billing Enterprise Security Developer
    Growth Owner  agency white-label referral | Profile Brands Team Billing Enterprise Security Developer Referral
    Growth Admin  -      -           -        | Profile Brands Team Billing Enterprise Security Developer
    Growth Admin  -      -           referral | Profile Brands Team Billing Enterprise Security Developer Referral
    Growth Admin  -      white-label -        | Profile Brands Team Billing Enterprise Security Developer
    Growth Admin  -      white-label referral | Profile Brands Team Billing Enterprise Security Developer Referral
    Growth Admin  agency -           -        | Profile Brands Team Billing Enterprise Security Developer
    Growth Admin  agency -           referral | Profile Brands Team Billing Enterprise Security Developer Referral
    Growth Admin  agency white-label -        | Profile Brands Team Billing Enterprise Security Developer
    Growth Admin  agency white-label referral | Profile Brands Team Billing Enterprise Security Developer Referral
    Growth Viewer -      -           -        | Profile Brands Team Billing Enterprise Security Developer
    Growth Viewer -      -           referral | Profile Brands Team Billing Enterprise Security Developer Referral
    Growth Viewer -      white-label -        | Profile Brands Team Billing Enterprise Security Developer
    Growth Viewer -      white-label referral | Profile Brands Team Billing Enterprise Security Developer Referral
    Growth Viewer agency -           -        | Profile Brands Team Billing Enterprise Security Developer
    Growth Viewer agency -           referral | Profile Brands Team Billing Enterprise Security Developer Referral
    Growth Viewer agency white-label -        | Profile Brands Team Billing Enterprise Security Developer
    Growth Viewer agency white-label referral | Profile Brands Team Billing Enterprise Security Developer Referral
    Scale  Owner  -      -           -        | Profile Brands Team Billing Enterprise Security Developer
    Scale  Owner  -      -           referral | Profile Brands Team Billing Enterprise Security Developer Referral
    Scale  Owner  -      white-label -        | Profile Brands Team White-Label Billing Enterprise Security Developer
    Scale  Owner  -      white-label referral | Profile Brands Team White-Label Billing Enterprise Security Developer Referral
    Scale  Owner  agency -           -        | Profile Brands Team Agency White-Label Billing Enterprise Security Developer
    Scale  Owner  agency -           referral | Profile Brands Team Agency White-Label Billing Enterprise Security Developer Referral
    Scale  Owner  agency white-label -        | Profile Brands Team Agency White-Label Billing Enterprise Security Developer
    Scale  Owner  agency white-label referral | Profile Brands Team Agency White-Label Billing Enterprise Security Developer Referral
    Scale  Admin  -      -           -        | Profile Brands Team Billing Enterprise Security Developer
    Scale  Admin  -      -           referral | Profile Brands Team Billing Enterprise Security Developer Referral
    Scale  Admin  -      white-label -        | Profile Brands Team White-Label Billing Enterprise Security Developer
    Scale  Admin  -      white-label referral | Profile Brands Team White-Label Billing Enterprise Security Developer Referral
    Scale  Admin  agency -           -        | Profile Brands Team Agency White-Label Billing Enterprise Security Developer
    Scale  Admin  agency -           referral | Profile Brands Team Agency White-Label Billing Enterprise Security Developer Referral
    Scale  Admin  agency white-label -        | Profile Brands Team Agency White-Label Billing Enterprise Security Developer
    Scale  Admin  agency white-label referral | Profile Brands Team Agency White-Label Billing Enterprise Security Developer Referral
    Scale  Viewer -      -           -        | Profile Brands Team Billing Enterprise Security Developer
    Scale  Viewer -      -           referral | Profile Brands Team Billing Enterprise Security Developer Referral
    Scale  Viewer -      white-label -        | Profile Brands Team White-Label Billing Enterprise Security Developer
    Scale  Viewer -      white-label referral | Profile Brands Team White-Label Billing Enterprise Security Developer Referral
    Scale  Viewer agency -           -        | Profile Brands Team Agency White-Label Billing Enterprise Security Developer
    Scale  Viewer agency -           referral | Profile Brands Team Agency White-Label Billing Enterprise Security Developer Referral
    Scale  Viewer agency white-label -        | Profile Brands Team Agency White-Label Billing Enterprise Security Developer
    Scale  Viewer agency white-label referral | Profile Brands Team Agency White-Label Billing Enterprise Security Developer Referral
";

fn viewer(plan: Plan, role: Role, agency: bool, white_label: bool, referral: bool) -> Viewer {
    Viewer {
        plan,
        role,
        flags: TeamFlags {
            agency_mode: agency,
            white_label_active: white_label,
            ..TeamFlags::default()
        },
        can_manage_billing: false,
        referral_member: referral,
        two_factor_enabled: false,
    }
}

#[test]
fn the_matrix_covers_every_combination_and_matches_visible_tabs() {
    let rows: Vec<&str> = MATRIX.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(rows.len(), 3 * 3 * 2 * 2 * 2);
    for row in rows {
        let (left, right) = row.split_once('|').expect("row has a |");
        let cols: Vec<&str> = left.split_whitespace().collect();
        let plan = Plan::parse(cols[0]).expect("plan");
        let role = Role::parse(cols[1]).expect("role");
        let v = viewer(plan, role, cols[2] != "-", cols[3] != "-", cols[4] != "-");
        let labels: Vec<&str> = visible_tabs(&v).into_iter().map(|t| tab_label(&v, t)).collect();
        let expected: Vec<&str> = right.split_whitespace().collect();
        assert_eq!(labels, expected, "row: {row}");
        for t in Tab::ALL {
            assert_eq!(can(&v, Action::OpenTab(t)).is_ok(), labels.contains(&tab_label(&v, t)));
        }
    }
}

#[test]
fn tab_slugs_round_trip() {
    for t in Tab::ALL {
        assert_eq!(Tab::from_slug(t.slug()), Some(t));
    }
    assert_eq!(Tab::from_slug("nope"), None);
}

#[test]
fn team_management_needs_scale() {
    let growth_owner = viewer(Plan::Growth, Role::Owner, false, false, false);
    assert_eq!(
        can(&growth_owner, Action::InviteMember),
        Err(Denied("Team management needs the Scale plan.".into()))
    );
    assert!(
        can(&viewer(Plan::Scale, Role::Admin, false, false, false), Action::InviteMember).is_ok()
    );
    assert!(
        can(&viewer(Plan::Scale, Role::Viewer, false, false, false), Action::InviteMember).is_err()
    );
}

#[test]
fn nobody_removes_or_demotes_the_owner() {
    for role in [Role::Owner, Role::Admin] {
        let v = viewer(Plan::Scale, role, false, false, false);
        assert!(can(&v, Action::RemoveMember { target: Role::Owner }).is_err());
        assert!(can(&v, Action::ChangeMember { target: Role::Owner }).is_err());
        assert!(can(&v, Action::RemoveMember { target: Role::Admin }).is_ok());
        assert!(can(&v, Action::ChangeMember { target: Role::Viewer }).is_ok());
    }
    let reader = viewer(Plan::Scale, Role::Viewer, false, false, false);
    assert!(can(&reader, Action::RemoveMember { target: Role::Viewer }).is_err());
    let growth = viewer(Plan::Growth, Role::Owner, false, false, false);
    assert_eq!(
        can(&growth, Action::ChangeMember { target: Role::Viewer }).unwrap_err().message(),
        "Team management needs the Scale plan."
    );
}

#[test]
fn a_team_requiring_two_factor_passes_ownership_only_to_someone_with_it() {
    let strict = TeamFlags { require_two_factor: true, ..TeamFlags::default() };
    assert!(can_become_owner(&strict, Role::Admin, false).is_err());
    assert!(can_become_owner(&strict, Role::Viewer, true).is_ok());
    assert!(can_become_owner(&TeamFlags::default(), Role::Viewer, false).is_ok());
    assert!(can_become_owner(&TeamFlags::default(), Role::Owner, true).is_err());
}

#[test]
fn only_the_owner_transfers_ownership() {
    let admin = viewer(Plan::Scale, Role::Admin, false, false, false);
    assert_eq!(
        can(&admin, Action::TransferOwnership).unwrap_err().message(),
        "Only the team owner can transfer ownership."
    );
    assert!(can(&viewer(Plan::Scale, Role::Owner, false, false, false), Action::TransferOwnership)
        .is_ok());
}

#[test]
fn active_brands_stop_at_the_plan_limit() {
    let free = viewer(Plan::Free, Role::Owner, false, false, false);
    assert!(can(&free, Action::ActivateBrand { active_now: 0 }).is_ok());
    let refusal = can(&free, Action::ActivateBrand { active_now: 1 }).unwrap_err();
    assert!(refusal.message().contains("allows 1 active brand"), "{refusal}");
    let scale = viewer(Plan::Scale, Role::Admin, false, false, false);
    assert!(can(&scale, Action::ActivateBrand { active_now: 9 }).is_ok());
    assert!(can(&scale, Action::ActivateBrand { active_now: 10 }).is_err());
}

#[test]
fn billing_is_for_the_owner_and_admins_allowed_to() {
    let mut admin = viewer(Plan::Scale, Role::Admin, false, false, false);
    assert!(can(&admin, Action::ManageBilling).is_err());
    admin.can_manage_billing = true;
    assert!(can(&admin, Action::ManageBilling).is_ok());
    assert!(
        can(&viewer(Plan::Free, Role::Owner, false, false, false), Action::ManageBilling).is_ok()
    );
}

#[test]
fn requiring_two_factor_needs_the_owner_with_two_factor() {
    let mut owner = viewer(Plan::Scale, Role::Owner, false, false, false);
    assert!(can(&owner, Action::RequireTwoFactor).is_err());
    owner.two_factor_enabled = true;
    assert!(can(&owner, Action::RequireTwoFactor).is_ok());
    let mut admin = viewer(Plan::Scale, Role::Admin, false, false, false);
    admin.two_factor_enabled = true;
    assert!(can(&admin, Action::RequireTwoFactor).is_err());
}

#[test]
fn developer_keys_follow_plan_and_beta_flag() {
    let free = viewer(Plan::Free, Role::Owner, false, false, false);
    assert!(can(&free, Action::ConnectMcp).is_err());
    let mut growth = viewer(Plan::Growth, Role::Owner, false, false, false);
    assert!(can(&growth, Action::ConnectMcp).is_ok());
    assert!(can(&growth, Action::ManageApiKey).is_err());
    growth.flags.beta_api_access = true;
    assert!(can(&growth, Action::ManageApiKey).is_ok());
}

#[test]
fn a_team_that_requires_two_factor_lets_members_without_it_only_set_it_up() {
    let mut member = viewer(Plan::Scale, Role::Viewer, true, true, false);
    member.flags.require_two_factor = true;
    assert_eq!(can(&member, Action::EditProfile).unwrap_err().message(), TWO_FACTOR_REQUIRED);
    assert!(can(&member, Action::OpenTab(Tab::Profile)).is_err());
    assert!(can(&member, Action::OpenTab(Tab::Security)).is_ok());
    assert!(can(&member, Action::ManageTwoFactor).is_ok());
    member.two_factor_enabled = true;
    assert!(can(&member, Action::EditProfile).is_ok());
}
