package dev.pythonapp.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Arrays;
import java.util.List;

/** An image the app is built or run with (status.builder, status.runtime), and its lifecycle. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ImageStatus extends StatusValue {
    @JsonPropertyDescription("The image reference the build uses.")
    public String image;

    @JsonPropertyDescription("The image the spec asks for (before any end-of-life rewrite).")
    public String requestedImage;

    @JsonPropertyDescription(
            "End-of-life date of the requested image under the configured basis (YYYY-MM-DD), if known.")
    public String eolDate;

    @JsonPropertyDescription("Which date counts as end of life: vendor, upstream or strictest.")
    public String eolBasis;

    @JsonPropertyDescription("The requested image that was replaced by its successor because it is end of life.")
    public String rewrittenFrom;

    @Override
    protected List<Object> values() {
        return Arrays.asList(image, requestedImage, eolDate, eolBasis, rewrittenFrom);
    }
}
