package dev.pythonapp.operator.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The YAML form of the catalog (built-in file and ConfigMap overrides share it; unknown keys are errors). */
public class CatalogDocument {
    public Map<String, String> sources = new LinkedHashMap<>();
    public List<Release> python = new ArrayList<>();
    public List<Image> images = new ArrayList<>();
    public Map<String, String> imageStreamTagAliases = new LinkedHashMap<>();
    /** Repositories whose tags carry the Python version (Docker Hub {@code python}), judged on CPython dates. */
    public List<Community> communityImages = new ArrayList<>();

    public static class Community {
        public String repository;
        public List<String> aliases = new ArrayList<>();
        public List<String> versions = new ArrayList<>();
        public List<String> flavours = new ArrayList<>();
        public List<String> baseFlavours = new ArrayList<>();
        public String source;
        public String note;
    }

    public static class Release {
        public String version;
        public LocalDate eol;
        public String source;
        public String note;
    }

    public static class Image {
        public String name;
        public String python;
        public String os;
        public String variant;
        public String image;
        public List<String> aliases = new ArrayList<>();
        public List<String> imageStreamTags = new ArrayList<>();
        public LocalDate vendorEol;
        public String vendorEolSource;
        public String vendorEolNote;
        public LocalDate removed;
        public String removedSource;
        public String successor;
    }
}
