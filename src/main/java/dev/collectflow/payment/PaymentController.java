package dev.collectflow.payment;

import dev.collectflow.security.CurrentUser;
import dev.collectflow.system.Groups;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/payments")
@Tag(name = "Payments", description = "Payments received; matched to invoices by number")
class PaymentController {

    private final PaymentService payments;
    private final CurrentUser currentUser;

    PaymentController(PaymentService payments, CurrentUser currentUser) {
        this.payments = payments;
        this.currentUser = currentUser;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a payment",
            description = "201 when recorded; the same payment id again answers 200 and is counted once. A payment"
                    + " naming an unknown invoice is kept as unmatched (matched=false). Full payment ends the case."
                    + " For finance.")
    @ApiResponse(responseCode = "201", description = "Recorded (and booked against its invoice, if registered)")
    @ApiResponse(responseCode = "200", description = "Recorded before under this payment id; counted once")
    ResponseEntity<PaymentResponse> receive(@Valid @RequestBody PaymentRequest request) {
        String actor = currentUser.requireGroup(Groups.FINANCE, Groups.ADMIN).id();
        PaymentService.Receipt receipt = payments.receive(request.data(), actor);
        return ResponseEntity.status(receipt.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(PaymentResponse.of(receipt.payment(), receipt.openAmount()));
    }

    @GetMapping("/unmatched")
    @Operation(summary = "Payments whose invoice is not registered, for finance to resolve")
    List<PaymentResponse> unmatched() {
        currentUser.requireGroup(Groups.FINANCE, Groups.ADMIN);
        return payments.unmatched().stream().map(p -> PaymentResponse.of(p, null)).toList();
    }

    record PaymentResponse(String paymentId, String invoiceNumber, BigDecimal amount, String currency,
                           LocalDate paidOn, boolean matched, BigDecimal invoiceOpenAmount) {
        static PaymentResponse of(Payment payment, BigDecimal openAmount) {
            return new PaymentResponse(payment.getPaymentId(), payment.getInvoiceNumber(), payment.getAmount(),
                    payment.getCurrency(), payment.getPaidOn(), payment.isMatched(), openAmount);
        }
    }
}
