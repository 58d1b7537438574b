package dev.mediacollection.api.body;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import dev.mediacollection.generated.model.DownloadedEvent;
import dev.mediacollection.generated.model.MediaEvent;

/**
 * Binds a body the contract has already accepted to the generated model its operation declares.
 *
 * <p>The generated event interfaces are polymorphic on {@code eventType}, and Jackson's polymorphic path buffers
 * every token that comes before the type id ({@code playerTime} does, in every Adobe client) and looks the type up
 * again for each body. Here the contract has checked {@code eventType} already, so a body binds straight to its
 * event's class, through a reader made once per class.
 */
@ApplicationScoped
class ModelBinder {

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

    /** Binds {@code body} as {@code target}: a model class, an event interface, or a list of either. */
    Object bind(JsonNode body, Type target) throws IOException {
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
