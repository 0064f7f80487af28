package dev.ytv2.content;

import dev.ytv2.content.ReportJson.RowFields;
import dev.ytv2.content.ReportStore.RowVersion;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * List rows kept as encoded JSON per report version: when a page has to be read again (anything
 * committed since), only its changed reports are read and built; the others are copied. A row
 * version names every stored fact the row is built from, so a kept row is never out of date.
 * Bounded by bytes, least recently used out first.
 */
final class RowFragments {
    private record Key(RowVersion version, RowFields fields) {
    }

    private final long maxBytes;
    private long bytes;
    private final LinkedHashMap<Key, byte[]> rows = new LinkedHashMap<>(1024, 0.75f, true);

    RowFragments(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    synchronized byte[] get(RowVersion version, RowFields fields) {
        return rows.get(new Key(version, fields));
    }

    synchronized void put(RowVersion version, RowFields fields, byte[] json) {
        byte[] old = rows.put(new Key(version, fields), json);
        if (old != null) bytes -= old.length;
        bytes += json.length;
        for (var it = rows.entrySet().iterator(); bytes > maxBytes && it.hasNext(); ) {
            Map.Entry<Key, byte[]> eldest = it.next();
            bytes -= eldest.getValue().length;
            it.remove();
        }
    }
}
