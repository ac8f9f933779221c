package ir.tehran.womenfamily.support.statistics;

import java.util.List;

import ir.tehran.womenfamily.support.statistics.StatisticsDtos.CellView;

/** A figure's cells as CSV (RFC 4180): a header line, then one cell a line. */
final class OpenDataCsv {

    static final String HEADER = "figure,district,period,series,value,withheld";

    private OpenDataCsv() {
    }

    static String write(String figure, List<CellView> cells) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (CellView c : cells) {
            out.append(field(figure)).append(',')
                .append(c.district() == null ? "" : c.district().toString()).append(',')
                .append(field(c.period())).append(',')
                .append(c.series() == null ? "" : field(c.series())).append(',')
                .append(c.value() == null ? "" : c.value().toPlainString()).append(',')
                .append(c.withheld()).append("\r\n");
        }
        return out.toString();
    }

    private static String field(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
