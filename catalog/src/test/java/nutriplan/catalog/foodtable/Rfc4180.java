package nutriplan.catalog.foodtable;

import java.util.ArrayList;
import java.util.List;

/**
 * A strict RFC 4180 CSV reader: comma-separated fields, optionally enclosed in double quotes, a
 * doubled quote inside a quoted field standing for one quote, and quoted fields that may hold
 * commas and line breaks. Records end with CRLF or LF (also accepted: a last record without a line
 * break). A leading UTF-8 byte-order mark is skipped and blank lines are ignored. Malformed input
 * (a quote inside an unquoted field, text after a closing quote, an unterminated quoted field) is an
 * error naming the line, never silently "repaired".
 */
final class Rfc4180 {

    private Rfc4180() {}

    /** Thrown for malformed CSV. */
    static final class CsvException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        CsvException(String message) {
            super(message);
        }
    }

    static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        int n = text.length();
        int line = 1;
        boolean fieldStarted = false; // anything (even "") seen for the current record

        while (i < n) {
            char c = text.charAt(i);
            if (c == '"') {
                if (field.length() != 0) {
                    throw new CsvException("line " + line + ": quote inside an unquoted field");
                }
                int startLine = line;
                i++;
                while (true) {
                    if (i >= n) {
                        throw new CsvException("line " + startLine + ": quoted field is not closed");
                    }
                    char q = text.charAt(i);
                    if (q == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    if (q == '\n') {
                        line++;
                    }
                    field.append(q);
                    i++;
                }
                fieldStarted = true;
                // after the closing quote: a separator, a line end or the end of input
                if (i < n) {
                    char after = text.charAt(i);
                    if (after != ',' && after != '\n' && after != '\r') {
                        throw new CsvException("line " + line + ": text after a closing quote");
                    }
                }
                continue;
            }
            if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                fieldStarted = true;
                i++;
                continue;
            }
            if (c == '\r' || c == '\n') {
                if (c == '\r') {
                    if (i + 1 < n && text.charAt(i + 1) == '\n') {
                        i++;
                    } else {
                        throw new CsvException("line " + line + ": bare carriage return");
                    }
                }
                i++;
                if (fieldStarted || field.length() != 0) {
                    record.add(field.toString());
                    records.add(record);
                    record = new ArrayList<>();
                }
                field.setLength(0);
                fieldStarted = false;
                line++;
                continue;
            }
            field.append(c);
            fieldStarted = true;
            i++;
        }
        if (fieldStarted || field.length() != 0) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
