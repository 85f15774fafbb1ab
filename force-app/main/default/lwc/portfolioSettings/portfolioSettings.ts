import { LightningElement, api } from 'lwc';
import type { PortfolioSettings as Settings } from 'c/mamService';
import TITLE from '@salesforce/label/c.MAM_Settings_Title';
import HINT from '@salesforce/label/c.MAM_Settings_Hint';
import COL_SETTING from '@salesforce/label/c.MAM_Settings_Col_Setting';
import COL_VALUE from '@salesforce/label/c.MAM_Settings_Col_Value';
import WEIGHT_EXECUTION from '@salesforce/label/c.MAM_Setting_Weight_Execution';
import WEIGHT_CADENCE from '@salesforce/label/c.MAM_Setting_Weight_Cadence';
import WEIGHT_COVERAGE from '@salesforce/label/c.MAM_Setting_Weight_Coverage';
import WEIGHT_ALIGNMENT from '@salesforce/label/c.MAM_Setting_Weight_Alignment';
import WEIGHT_RESULTS from '@salesforce/label/c.MAM_Setting_Weight_Results';
import ON_TRACK_THRESHOLD from '@salesforce/label/c.MAM_Setting_On_Track_Threshold';
import AT_RISK_THRESHOLD from '@salesforce/label/c.MAM_Setting_At_Risk_Threshold';
import DEFAULT_REVIEW_CADENCE_DAYS from '@salesforce/label/c.MAM_Setting_Default_Review_Cadence_Days';
import PARETO_SHARE from '@salesforce/label/c.MAM_Setting_Pareto_Share';
import CRITICAL_FEW_MAX from '@salesforce/label/c.MAM_Setting_Critical_Few_Max';
import IDENTIFICATION_MONTHS from '@salesforce/label/c.MAM_Setting_Identification_Months';
import TIER_1_SHARE from '@salesforce/label/c.MAM_Setting_Tier_1_Share';
import TIER_2_SHARE from '@salesforce/label/c.MAM_Setting_Tier_2_Share';

const NAMES: Record<string, string> = {
  Weight_Execution__c: WEIGHT_EXECUTION,
  Weight_Cadence__c: WEIGHT_CADENCE,
  Weight_Coverage__c: WEIGHT_COVERAGE,
  Weight_Alignment__c: WEIGHT_ALIGNMENT,
  Weight_Results__c: WEIGHT_RESULTS,
  On_Track_Threshold__c: ON_TRACK_THRESHOLD,
  At_Risk_Threshold__c: AT_RISK_THRESHOLD,
  Default_Review_Cadence_Days__c: DEFAULT_REVIEW_CADENCE_DAYS,
  Pareto_Share__c: PARETO_SHARE,
  Critical_Few_Max__c: CRITICAL_FEW_MAX,
  Identification_Months__c: IDENTIFICATION_MONTHS,
  Tier_1_Share__c: TIER_1_SHARE,
  Tier_2_Share__c: TIER_2_SHARE
};

/** The settings in force, read-only: admins change them in Setup (Custom Metadata), never here. */
export default class PortfolioSettings extends LightningElement {
  /** The settings the Account formula publishes, parsed by the service module. */
  @api settings: Settings | null = null;

  labels = { TITLE, HINT, COL_SETTING, COL_VALUE };

  get rows(): Array<{ field: string; name: string; value: number }> {
    return (this.settings?.values ?? []).map((v) => ({ field: v.field, name: NAMES[v.field] ?? v.field, value: v.value }));
  }
}
