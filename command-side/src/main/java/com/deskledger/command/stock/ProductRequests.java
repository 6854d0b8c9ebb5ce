package com.deskledger.command.stock;

import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.member.PaymentMethod;
import com.deskledger.kernel.stock.AdjustmentReason;
import com.deskledger.kernel.stock.IssueReason;
import com.deskledger.kernel.stock.ProductUse;
import com.deskledger.kernel.stock.StockCategory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Request bodies of the product and stock API. */
final class ProductRequests {

    static final String CODE = "[A-Za-z0-9][A-Za-z0-9._-]{0,49}";

    private ProductRequests() {
    }

    /** An amount: minor units and an optional ISO 4217 code (the centre's currency when left out). */
    record StockAmount(@NotNull @PositiveOrZero Long minor,
                       @Size(max = 3) @Pattern(regexp = "[A-Z]{3}") String currency) {
    }

    record ProductAdd(CentreId centre, @NotBlank @Size(max = 50) @Pattern(regexp = CODE) String code,
                      @NotBlank @Size(max = 100) String name, @NotNull StockCategory category,
                      @NotNull ProductUse use, @NotNull @Valid StockAmount unitPrice,
                      @Min(0) @Max(1_000_000) Integer reorderLevel, Boolean backOrders) {
    }

    record ProductChange(@Size(max = 100) String name, StockCategory category, ProductUse use,
                         @Valid StockAmount unitPrice, @Min(0) @Max(1_000_000) Integer reorderLevel,
                         Boolean backOrders, Boolean active) {
    }

    record StockDelivery(@NotNull @Min(1) @Max(100_000) Integer quantity,
                         @NotBlank @Size(max = 100) String supplier, @NotNull @Valid StockAmount unitCost,
                         @Size(max = 50) String deliveryNote, @Size(max = 64) String requestId) {
    }

    record StockIssue(@NotNull @Min(1) @Max(100_000) Integer quantity, @NotNull IssueReason reason) {
    }

    record Stocktake(@NotNull @Min(0) @Max(100_000) Integer counted, AdjustmentReason reason) {
    }

    record StockTransfer(@NotNull CentreId destination, @NotNull @Min(1) @Max(100_000) Integer quantity) {
    }

    record StockPurchaseRequest(@NotNull @Min(1) @Max(100_000) Integer quantity) {
    }

    record WalkInSale(CentreId centre, @NotEmpty @Size(max = 50) List<@NotNull @Valid WalkInLine> lines,
                      @NotNull PaymentMethod paymentMethod) {
    }

    record WalkInLine(@NotBlank @Size(max = 50) @Pattern(regexp = CODE) String productCode,
                      @NotNull @Min(1) @Max(10_000) Integer quantity) {
    }
}
