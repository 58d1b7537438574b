package dev.mediacollection.api.body;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

import dev.mediacollection.generated.model.PlayerTime;

/**
 * What every generated event class has but the generated unions ({@code MediaEvent}, {@code DownloadedEvent}) do
 * not declare: {@code getPlayerTime()}. Looked up once per class, then a direct call.
 */
final class EventModels {

    private static final ClassValue<MethodHandle> PLAYER_TIME = new ClassValue<>() {
        @Override
        protected MethodHandle computeValue(Class<?> eventClass) {
            try {
                return MethodHandles.publicLookup().findVirtual(eventClass, "getPlayerTime",
                        MethodType.methodType(PlayerTime.class));
            } catch (NoSuchMethodException | IllegalAccessException e) {
                throw new IllegalStateException(eventClass + " is not a generated event model", e);
            }
        }
    };

    private EventModels() {
    }

    static PlayerTime playerTime(Object event) {
        try {
            return (PlayerTime) PLAYER_TIME.get(event.getClass()).invoke(event);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
