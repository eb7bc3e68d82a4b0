package dev.collectflow.pressure;

/** What the scale does when a step's time has come. */
public enum StepSituation {
    /** Take the step. */
    TAKE,
    /** Leave this step out (recorded why) and plan the next one. */
    SKIP,
    /** The case has left negotiation or ended: the scale stops and its open tasks close. */
    STOP
}
