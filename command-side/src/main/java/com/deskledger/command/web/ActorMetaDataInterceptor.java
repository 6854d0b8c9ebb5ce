package com.deskledger.command.web;

import com.deskledger.command.directory.AggregateDirectory;
import com.deskledger.kernel.Actor;
import com.deskledger.kernel.CentreCatalog;
import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.CentreScoped;
import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.MetaDataKeys;
import com.deskledger.kernel.audit.AggregateKinds;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Stamps every command with who sent it (user, roles, centre, correlation id, client address) and refuses it
 * before dispatch when the actor does not belong to the centre of the aggregate it targets. Controllers never set
 * metadata themselves.
 */
@Component
public class ActorMetaDataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    private final AggregateDirectory directory;
    private final CentreCatalog centres;
    private final CommandTargetResolver targetResolver = AnnotationCommandTargetResolver.builder().build();

    public ActorMetaDataInterceptor(AggregateDirectory directory, CentreCatalog centres) {
        this.directory = directory;
        this.centres = centres;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Map<String, Object> meta = new HashMap<>();
            Optional<CentreId> centre = centreOf(command);
            centre.ifPresent(c -> meta.put(MetaDataKeys.CENTRE, c.value()));
            currentRequest().ifPresent(request -> {
                if (request.getAttribute(Actor.REQUEST_ATTRIBUTE) instanceof Actor actor) {
                    centre.ifPresent(actor::requireCentre);
                    meta.put(MetaDataKeys.USER, actor.user().value());
                    meta.put(MetaDataKeys.ROLES, actor.rolesAsText());
                }
                Object correlation = request.getAttribute(MetaDataKeys.CORRELATION_ATTRIBUTE);
                if (correlation != null) {
                    meta.put(MetaDataKeys.CORRELATION_ID, correlation.toString());
                }
                meta.put(MetaDataKeys.CLIENT_ADDRESS, request.getRemoteAddr());
            });
            return command.andMetaData(meta);
        };
    }

    private Optional<CentreId> centreOf(CommandMessage<?> command) {
        if (command.getPayload() instanceof CentreScoped scoped) {
            if (!centres.exists(scoped.centre())) {
                throw new DomainException(ErrorCode.UNKNOWN_CENTRE, "no such centre", "centre");
            }
            return Optional.of(scoped.centre());
        }
        String target;
        try {
            target = targetResolver.resolveTarget(command).getIdentifier();
        } catch (IllegalArgumentException noTarget) {
            return Optional.empty();
        }
        // an id of another kind of aggregate (a member id sent to a visit) is as unknown as a made-up one
        Optional<String> type = AggregateKinds.typeOfCommand(command.getPayloadType());
        Optional<CentreId> found = type.isPresent() ? directory.centreOf(target, type.get())
                : directory.centreOf(target);
        if (found.isEmpty()) {
            throw new DomainException(ErrorCode.NOT_FOUND, "no such record");
        }
        return found;
    }

    private static Optional<HttpServletRequest> currentRequest() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            return Optional.of(servlet.getRequest());
        }
        return Optional.empty();
    }
}
