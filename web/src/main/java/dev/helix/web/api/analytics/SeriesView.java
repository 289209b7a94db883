package dev.helix.web.api.analytics;

import dev.helix.analytics.model.Forecast;
import dev.helix.analytics.model.ForecastPoint;
import dev.helix.analytics.model.Series;
import dev.helix.analytics.model.SeriesPoint;
import dev.helix.analytics.model.Trend;
import java.time.Instant;
import java.util.List;

/** A series over a range as the API shows it: its buckets, trend and forecast. */
public record SeriesView(String name, String unit, String description, String aggregation, String resolution, Instant from,
                         Instant to, List<SeriesPoint> points, Trend trend, ForecastView forecast) {

    static SeriesView of(Series s) {
        return new SeriesView(s.metric().seriesName(), s.metric().unit(), s.metric().description(),
                s.metric().aggregation().name(), s.resolution().label(), s.from(), s.to(), s.points(), s.trend(),
                s.forecast() == null ? null : ForecastView.of(s.forecast()));
    }

    /** A forecast: its method and the values expected for the next buckets. */
    public record ForecastView(String method, List<ForecastPoint> points) {

        static ForecastView of(Forecast f) {
            return new ForecastView(f.method().label(), f.points());
        }
    }
}
