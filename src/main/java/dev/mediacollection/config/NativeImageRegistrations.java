package dev.mediacollection.config;

import io.quarkus.runtime.annotations.RegisterForReflection;

import dev.mediacollection.generated.model.AdBreakCompleteEvent;
import dev.mediacollection.generated.model.AdBreakStartEvent;
import dev.mediacollection.generated.model.AdBreakStartParams;
import dev.mediacollection.generated.model.AdCompleteEvent;
import dev.mediacollection.generated.model.AdSkipEvent;
import dev.mediacollection.generated.model.AdStartEvent;
import dev.mediacollection.generated.model.AdStartParams;
import dev.mediacollection.generated.model.BitrateChangeEvent;
import dev.mediacollection.generated.model.BufferStartEvent;
import dev.mediacollection.generated.model.ChapterCompleteEvent;
import dev.mediacollection.generated.model.ChapterSkipEvent;
import dev.mediacollection.generated.model.ChapterStartEvent;
import dev.mediacollection.generated.model.ChapterStartParams;
import dev.mediacollection.generated.model.CloseCauseName;
import dev.mediacollection.generated.model.CustomerId;
import dev.mediacollection.generated.model.DownloadedEvent;
import dev.mediacollection.generated.model.ErrorEvent;
import dev.mediacollection.generated.model.ErrorParams;
import dev.mediacollection.generated.model.EventPage;
import dev.mediacollection.generated.model.MediaEvent;
import dev.mediacollection.generated.model.Metrics;
import dev.mediacollection.generated.model.PauseStartEvent;
import dev.mediacollection.generated.model.PingEvent;
import dev.mediacollection.generated.model.PlayEvent;
import dev.mediacollection.generated.model.PlayerTime;
import dev.mediacollection.generated.model.Problem;
import dev.mediacollection.generated.model.QoeData;
import dev.mediacollection.generated.model.ReceivedRequest;
import dev.mediacollection.generated.model.Rejection;
import dev.mediacollection.generated.model.RejectionList;
import dev.mediacollection.generated.model.SessionCompleteEvent;
import dev.mediacollection.generated.model.SessionDetail;
import dev.mediacollection.generated.model.SessionEndEvent;
import dev.mediacollection.generated.model.SessionPage;
import dev.mediacollection.generated.model.SessionStart;
import dev.mediacollection.generated.model.SessionStartParams;
import dev.mediacollection.generated.model.SessionStateName;
import dev.mediacollection.generated.model.SessionSummary;
import dev.mediacollection.generated.model.StateEndEvent;
import dev.mediacollection.generated.model.StateMetrics;
import dev.mediacollection.generated.model.StateParams;
import dev.mediacollection.generated.model.StateStartEvent;
import dev.mediacollection.generated.model.StatesUpdateEvent;
import dev.mediacollection.generated.model.StatesUpdateParams;
import dev.mediacollection.generated.model.Violation;
import dev.mediacollection.metrics.MediaMetrics;

/**
 * What Jackson binds by reflection, declared for the native image (the JVM needs none of this). The resources answer
 * {@code Response} (the generator's {@code returnResponse}), so Quarkus cannot see which models they write; the body
 * reader binds through {@code treeToValue} and the problem filter writes {@link Problem} itself. Every generated
 * model is therefore listed (the generated code cannot carry the annotation; {@code NativeImageRegistrationsTest}
 * fails when the contract gains a model missing here), plus our own types that Jackson reads: {@link MediaMetrics}
 * (with its nested records) is converted into the generated {@link Metrics}.
 * Everything else we serialize is a {@code JsonNode} tree or a {@code Map}, which need no registration.
 */
@RegisterForReflection(targets = {
        AdBreakCompleteEvent.class, AdBreakStartEvent.class, AdBreakStartParams.class, AdCompleteEvent.class,
        AdSkipEvent.class, AdStartEvent.class, AdStartParams.class, BitrateChangeEvent.class,
        BufferStartEvent.class, ChapterCompleteEvent.class, ChapterSkipEvent.class, ChapterStartEvent.class,
        ChapterStartParams.class, CloseCauseName.class, CustomerId.class, DownloadedEvent.class, ErrorEvent.class,
        ErrorParams.class, EventPage.class, MediaEvent.class, Metrics.class, PauseStartEvent.class, PingEvent.class,
        PlayEvent.class, PlayerTime.class, Problem.class, QoeData.class, ReceivedRequest.class, Rejection.class,
        RejectionList.class, SessionCompleteEvent.class, SessionDetail.class, SessionEndEvent.class,
        SessionPage.class, SessionStart.class, SessionStartParams.class, SessionStateName.class,
        SessionSummary.class, StateEndEvent.class, StateMetrics.class, StateParams.class, StateStartEvent.class,
        StatesUpdateEvent.class, StatesUpdateParams.class, Violation.class,
        MediaMetrics.class, MediaMetrics.Core.class, MediaMetrics.Ads.class, MediaMetrics.Chapters.class,
        MediaMetrics.Quality.class, MediaMetrics.PlayerStates.class, MediaMetrics.StateMetrics.class })
public final class NativeImageRegistrations {

    private NativeImageRegistrations() {
    }
}
