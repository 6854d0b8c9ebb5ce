package com.deskledger.command.audit;

import com.deskledger.command.directory.AggregateDirectory;
import com.deskledger.kernel.Actor;
import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.Sealed;
import com.deskledger.kernel.audit.AggregateKinds;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.config.AggregateConfiguration;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An aggregate as it stood at a past instant: its own event-sourcing handlers replay its events up to that
 * instant (snapshots ignored), and its fields are shown as JSON with the sequence number they reflect. Its sealed
 * values (a waiting refund's reason) read {@value #WITHHELD} for roles that see no personal data.
 */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit")
class AggregateStateController {

    /** What a sealed value reads as for roles that see no personal data, as in the audit history. */
    static final String WITHHELD = "[withheld]";

    /** The state of one aggregate at one instant. */
    record AggregateState(String aggregateType, String aggregateId, Instant at, long sequence, Instant lastEventAt,
                          JsonNode state) {
    }

    private final Configuration axon;
    private final EventStore eventStore;
    private final AggregateDirectory directory;
    private final ObjectMapper fields;
    /** The same, with every sealed value withheld: for roles that see no personal data (the one masking rule). */
    private final ObjectMapper withheldFields;
    private final Map<Class<?>, AggregateModel<?>> models = new ConcurrentHashMap<>();

    AggregateStateController(Configuration axon, EventStore eventStore, AggregateDirectory directory,
                             ObjectMapper json) {
        this.axon = axon;
        this.eventStore = eventStore;
        this.directory = directory;
        this.fields = json.copy()
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        this.withheldFields = fields.copy().registerModule(new SimpleModule("withheld-personal-data")
                .addSerializer(Sealed.class, new StdSerializer<>(Sealed.class) {
                    @Override
                    public void serialize(Sealed value, JsonGenerator generator, SerializerProvider provider)
                            throws IOException {
                        generator.writeString(WITHHELD);
                    }
                }));
    }

    @GetMapping("/{kind}/{id}/state")
    @Operation(summary = "The aggregate's state rebuilt from its events up to an instant (ISO-8601)")
    AggregateState state(@PathVariable String kind, @PathVariable String id, @RequestParam Instant at,
                         @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        String typeName = AggregateKinds.typeOf(kind)
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "no such kind of aggregate"));
        actor.requireCentre(directory.centreOf(id)
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "no such aggregate")));
        Class<?> type = aggregateClass(typeName);

        List<DomainEventMessage<?>> events = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(id, 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (!typeName.equals(event.getType())) {
                throw new DomainException(ErrorCode.NOT_FOUND, "no such aggregate");
            }
            if (event.getTimestamp().isAfter(at)) {
                break;
            }
            events.add(event);
        }
        if (events.isEmpty()) {
            throw new DomainException(ErrorCode.NOT_YET_EXISTING, "the record did not exist yet at that instant");
        }
        Object root = rebuild(type, id, events);
        DomainEventMessage<?> last = events.get(events.size() - 1);
        return new AggregateState(typeName, id, at, last.getSequenceNumber(), last.getTimestamp(),
                (actor.seesPersonalData() ? fields : withheldFields).valueToTree(root));
    }

    private <T> Object rebuild(Class<T> type, String id, List<DomainEventMessage<?>> events) {
        AggregateModel<T> model = modelOf(type);
        T root = new GenericAggregateFactory<>(model).createAggregateRoot(id, events.get(0));
        EventSourcedAggregate<T> aggregate = EventSourcedAggregate.initialize(root, model, null,
                NoSnapshotTriggerDefinition.TRIGGER);
        DefaultUnitOfWork.startAndGet(null).execute(() ->
                aggregate.initializeState(DomainEventStream.of(events)));
        return aggregate.getAggregateRoot();
    }

    /**
     * The aggregate's model as Axon's own configuration inspects it: inspecting the class also resolves the
     * parameters of its command and deadline handlers (the personal-data vault, the complaint policy, the deadline
     * manager), which only the configuration's parameter resolvers know. Inspected once per type.
     */
    @SuppressWarnings("unchecked")
    private <T> AggregateModel<T> modelOf(Class<T> type) {
        return (AggregateModel<T>) models.computeIfAbsent(type, t -> AnnotatedAggregateMetaModelFactory
                .inspectAggregate(t, axon.parameterResolverFactory(), axon.handlerDefinition(t)));
    }

    private Class<?> aggregateClass(String typeName) {
        return axon.findModules(AggregateConfiguration.class).stream()
                .map(AggregateConfiguration::aggregateType)
                .filter(type -> type.getSimpleName().equals(typeName))
                .findFirst()
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "no such kind of aggregate"));
    }
}
