package dev.ytv2.content;

import dev.ytv2.errors.Refusal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Timestamps from clients, made storable: PostgreSQL holds neither years past 294276 nor offsets
 * beyond ±15:59, and Java parses both. Any valid instant is moved to UTC (the same instant); a year
 * outside 0001–9999 cannot be a publication date and is refused.
 */
final class Timestamps {
    private Timestamps() {
    }

    static OffsetDateTime storable(OffsetDateTime t, String name) {
        if (t.getYear() < 1 || t.getYear() > 9999) throw outOfRange(name);
        OffsetDateTime utc = t.withOffsetSameInstant(ZoneOffset.UTC);
        if (utc.getYear() < 1 || utc.getYear() > 9999) throw outOfRange(name);
        return utc;
    }

    private static Refusal outOfRange(String name) {
        return Refusal.invalid("invalid_date", "'" + name + "' must be a date between the years 0001 and 9999.");
    }
}
