package dev.collectflow.system;

/** Camunda group ids of the departments (letters and digits only, Camunda's default id pattern). */
public final class Groups {

    public static final String FINANCE = "finance";
    public static final String SALES = "sales";
    public static final String SALES_HEADS = "salesheads";
    public static final String LEGAL = "legal";
    public static final String MANAGEMENT = "management";
    public static final String ADMIN = "camunda-admin";

    /** Type of the groups that form a sales team: a head of sales and the managers who report to them. */
    public static final String TEAM_TYPE = "team";

    private Groups() {
    }
}
