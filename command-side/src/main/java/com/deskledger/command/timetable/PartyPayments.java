package com.deskledger.command.timetable;

import com.deskledger.kernel.member.ProductCategory;
import com.deskledger.kernel.member.command.ProductLine;
import com.deskledger.kernel.member.command.SellProductsCommand;
import com.deskledger.kernel.timetable.session.event.PartyBookedEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The party's deposit taken as a desk sale on the guardian's account (category {@code BIRTHDAY_PARTY}), in the
 * party's own transaction: the same money rules, sales figures and refunds (seven days without reason, later with a
 * manager) as every other sale. A deposit the account refuses refuses the party.
 */
@Component
@ProcessingGroup(SessionCredits.PROCESSING_GROUP)
class PartyPayments {

    static final String DEPOSIT_PRODUCT = "PARTY-DEPOSIT";

    private final CommandGateway commands;

    PartyPayments(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(PartyBookedEvent event) {
        if (event.deposit().minor() == 0) {
            return;
        }
        commands.sendAndWait(new SellProductsCommand(event.guardian(), event.depositPurchase(),
                List.of(new ProductLine(DEPOSIT_PRODUCT, "Deposit: " + event.packageName(),
                        ProductCategory.BIRTHDAY_PARTY, 1, event.deposit())), event.paymentMethod(), null, event.by(),
                event.at()));
    }
}
