package dev.collectflow.kpi;

import dev.collectflow.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/kpis", produces = {MediaType.APPLICATION_JSON_VALUE, CsvReportConverter.TEXT_CSV_VALUE})
@Tag(name = "KPIs", description = "Collection figures, scoped like cases: a sales manager sees their own, a head of"
        + " sales their teams', finance, management and operators everything. JSON, or CSV with Accept: text/csv."
        + " Filters: from, to (yyyy-MM-dd, default the last twelve months), manager, team, client, currency; invoices"
        + " count for the manager who owned the client at the end of the due date.")
class KpiController {

    private final KpiService kpis;
    private final CurrentUser currentUser;

    KpiController(KpiService kpis, CurrentUser currentUser) {
        this.kpis = kpis;
        this.currentUser = currentUser;
    }

    @GetMapping("/on-time")
    @Operation(summary = "On-time collection rate by count and amount, paid within negotiation, average days late",
            description = KpiDefinitions.ON_TIME + " Grouped by=manager (default), team, client or company.")
    KpiReport<KpiRows.OnTime> onTime(@Valid @ModelAttribute KpiFilter filter) {
        return kpis.onTime(currentUser.get(), filter);
    }

    @GetMapping("/collected")
    @Operation(summary = "Amount collected per stage, written off and reduced", description = KpiDefinitions.COLLECTED)
    KpiReport<KpiRows.Collected> collected(@Valid @ModelAttribute KpiFilter filter) {
        return kpis.collected(currentUser.get(), filter);
    }

    @GetMapping("/aging")
    @Operation(summary = "Aging buckets as of a day (asOf, default today)", description = KpiDefinitions.AGING)
    KpiReport<KpiRows.Aging> aging(@Valid @ModelAttribute KpiFilter filter) {
        return kpis.aging(currentUser.get(), filter);
    }

    @GetMapping("/dso")
    @Operation(summary = "Days sales outstanding", description = KpiDefinitions.DSO)
    KpiReport<KpiRows.Dso> dso(@Valid @ModelAttribute KpiFilter filter) {
        return kpis.dso(currentUser.get(), filter);
    }

    @GetMapping("/cei")
    @Operation(summary = "Collection effectiveness index", description = KpiDefinitions.CEI)
    KpiReport<KpiRows.Cei> cei(@Valid @ModelAttribute KpiFilter filter) {
        return kpis.cei(currentUser.get(), filter);
    }

    @GetMapping("/loyalty")
    @Operation(summary = "Loyalty kept: clients invoiced again after a collection case", description = KpiDefinitions.LOYALTY)
    KpiReport<KpiRows.Loyalty> loyalty(@Valid @ModelAttribute KpiFilter filter) {
        return kpis.loyalty(currentUser.get(), filter);
    }

    @GetMapping("/stage-times")
    @Operation(summary = "Average days in each stage", description = KpiDefinitions.STAGE_TIMES)
    KpiReport<KpiRows.StageTime> stageTimes(@Valid @ModelAttribute KpiFilter filter) {
        return kpis.stageTimes(currentUser.get(), filter);
    }

    @GetMapping("/stages-now")
    @Operation(summary = "Cases per stage now", description = KpiDefinitions.STAGES_NOW)
    KpiReport<KpiRows.StageNow> stagesNow(@Valid @ModelAttribute KpiFilter filter) {
        return kpis.stagesNow(currentUser.get(), filter);
    }

    @GetMapping("/promises")
    @Operation(summary = "Promises to pay and payment-plan instalments kept, partly kept and broken",
            description = KpiDefinitions.PROMISES)
    KpiReport<KpiRows.Promises> promises(@Valid @ModelAttribute KpiFilter filter) {
        return kpis.promises(currentUser.get(), filter);
    }

    @GetMapping("/trend")
    @Operation(summary = "On-time rate and money collected by month", description = KpiDefinitions.TREND)
    KpiReport<KpiRows.Trend> trend(@Valid @ModelAttribute KpiFilter filter) {
        return kpis.trend(currentUser.get(), filter);
    }
}
