package dev.mediacollection.api.body;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mediacollection.generated.model.DownloadedEvent;
import dev.mediacollection.generated.model.MediaEvent;
import dev.mediacollection.validation.Rule;
import dev.mediacollection.validation.RuleViolation;

/**
 * Binds a body the profile has accepted to the generated model its operation declares.
 *
 * <p>A body kept with findings may hold values its model cannot: a string where the model has a number, a value
 * outside an enumeration, {@code null}. Those members are left out of the model (a copy of the tree is bound without
 * them, and only then), as if they had not been sent; the body is stored as received all the same.
 *
 * <p>The generated event interfaces are polymorphic on {@code eventType}, and Jackson's polymorphic path buffers
 * every token that comes before the type id ({@code playerTime} does, in every Adobe client) and looks the type up
 * again for each body. Here the contract has checked {@code eventType} already, so a body binds straight to its
 * event's class, through a reader made once per class.
 */
@ApplicationScoped
class ModelBinder {

    /** Rules whose offending value the model's field cannot hold (or would turn into something else). */
    private static final Set<Rule> UNBINDABLE = EnumSet.of(Rule.TYPE, Rule.NULL_VALUE, Rule.INTEGER_SIZE, Rule.FINITE,
            Rule.ENUM);

    /** The generated interfaces that stand for "one of the event types", each with its event classes by name. */
    private static final Map<Class<?>, Map<String, Class<?>>> EVENT_TYPES = Map.of(
            MediaEvent.class, subtypesByName(MediaEvent.class),
            DownloadedEvent.class, subtypesByName(DownloadedEvent.class));

    private final ObjectMapper concrete;
    private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

    ModelBinder(ObjectMapper mapper) {
        // The application's settings, without the interfaces' type ids: the class is chosen here.
        ObjectMapper copy = mapper.copy();
        EVENT_TYPES.keySet().forEach(eventInterface -> copy.addMixIn(eventInterface, NoTypeId.class));
        this.concrete = copy;
    }

    /**
     * Binds {@code body} as {@code target} (a model class, an event interface, or a list of either), without the
     * members the {@code kept} violations say its model cannot hold.
     */
    Object bind(JsonNode body, List<RuleViolation> kept, Type target) throws IOException {
        return bind(bindable(body, kept), target);
    }

    /** A downloaded session, element by element: what {@code createSession} gets as an array. */
    List<DownloadedEvent> bindDownloadedSession(JsonNode body, List<RuleViolation> kept) throws IOException {
        JsonNode bindable = bindable(body, kept);
        List<DownloadedEvent> bound = new ArrayList<>(bindable.size());
        for (JsonNode element : bindable) {
            bound.add((DownloadedEvent) bind(element, DownloadedEvent.class));
        }
        return bound;
    }

    /** The body, or when a kept violation names a value the model cannot hold, a copy without those values. */
    private static JsonNode bindable(JsonNode body, List<RuleViolation> kept) {
        JsonNode copy = null;
        // Last first: removing an array element must not shift the elements still to be removed.
        for (int i = kept.size() - 1; i >= 0; i--) {
            RuleViolation violation = kept.get(i);
            if (violation.pointer() == null || violation.pointer().isEmpty()
                    || !UNBINDABLE.contains(violation.rule())) {
                continue;
            }
            if (copy == null) {
                copy = body.deepCopy();
            }
            JsonPointer pointer = JsonPointer.compile(violation.pointer());
            JsonNode parent = copy.at(pointer.head());
            if (parent instanceof ObjectNode object) {
                object.remove(pointer.last().getMatchingProperty());
            } else if (parent instanceof ArrayNode array) {
                array.remove(pointer.last().getMatchingIndex());
            }
        }
        return copy == null ? body : copy;
    }

    private Object bind(JsonNode body, Type target) throws IOException {
        if (target instanceof ParameterizedType list && list.getRawType() == List.class) {
            Type element = list.getActualTypeArguments()[0];
            List<Object> bound = new ArrayList<>(body.size());
            for (JsonNode item : body) {
                bound.add(bind(item, element));
            }
            return bound;
        }
        Class<?> type = (Class<?>) target;
        Map<String, Class<?>> events = EVENT_TYPES.get(type);
        Class<?> concreteType = events == null ? type : events.get(body.get("eventType").textValue());
        return readers.computeIfAbsent(concreteType, concrete::readerFor).readValue(body);
    }

    private static Map<String, Class<?>> subtypesByName(Class<?> eventInterface) {
        return Arrays.stream(eventInterface.getAnnotation(JsonSubTypes.class).value())
                .collect(Collectors.toUnmodifiableMap(JsonSubTypes.Type::name, JsonSubTypes.Type::value));
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
    private interface NoTypeId {
    }
}
