use super::Plan;

/// What each plan includes. Data, not code scattered through views.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlanLimits {
    pub active_brands: u32,
    pub prompts_per_brand: u32,
    pub articles_per_month: u32,
    pub team_members: bool,
    pub mcp: bool,
    pub rest_api: bool,
}

impl PlanLimits {
    pub fn of(plan: Plan) -> PlanLimits {
        match plan {
            Plan::Free => PlanLimits {
                active_brands: 1,
                prompts_per_brand: 5,
                articles_per_month: 0,
                team_members: false,
                mcp: false,
                rest_api: false,
            },
            Plan::Growth => PlanLimits {
                active_brands: 1,
                prompts_per_brand: 25,
                articles_per_month: 4,
                team_members: false,
                mcp: true,
                rest_api: false,
            },
            Plan::Scale => PlanLimits {
                active_brands: 10,
                prompts_per_brand: 100,
                articles_per_month: 20,
                team_members: true,
                mcp: true,
                rest_api: true,
            },
        }
    }
}

pub fn active_brand_limit(plan: Plan) -> u32 {
    PlanLimits::of(plan).active_brands
}
