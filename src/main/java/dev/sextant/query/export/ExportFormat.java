package dev.sextant.query.export;

/** The file formats a full result can be exported to. */
public enum ExportFormat {
    CSV("CSV", "csv"), JSON_LINES("JSON lines", "jsonl"), XLSX("Excel workbook", "xlsx");

    private final String label;
    private final String extension;

    ExportFormat(String label, String extension) {
        this.label = label;
        this.extension = extension;
    }

    public String label() {
        return label;
    }

    public String extension() {
        return extension;
    }
}
