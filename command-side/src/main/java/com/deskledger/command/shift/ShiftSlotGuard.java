package com.deskledger.command.shift;

import com.deskledger.kernel.shift.command.ReassignShiftCommand;
import com.deskledger.kernel.shift.command.ScheduleShiftCommand;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Checks a staff member's time is free inside the command's transaction, before the aggregate appends anything:
 * a refusal here leaves no trace in the event store (not even a used-up global index).
 */
@Component
class ShiftSlotGuard implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final ShiftSlots slots;

    ShiftSlotGuard(ShiftSlots slots) {
        this.slots = slots;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        Object payload = unitOfWork.getMessage().getPayload();
        if (payload instanceof ScheduleShiftCommand schedule) {
            slots.lockAndRequireFree(schedule.staff(), schedule.plannedStart(), schedule.plannedEnd(),
                    schedule.shiftId());
        } else if (payload instanceof ReassignShiftCommand reassign) {
            slots.find(reassign.shiftId()).filter(ShiftSlots.Slot::active).ifPresent(slot ->
                    slots.lockAndRequireFree(reassign.staff(), slot.start(), slot.end(), slot.shiftId()));
        }
        return chain.proceed();
    }
}
