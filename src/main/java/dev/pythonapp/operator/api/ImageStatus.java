package dev.pythonapp.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** An image the app is built or run with (status.builder, status.runtime), and its lifecycle. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ImageStatus {
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
    public boolean equals(Object o) {
        return o instanceof ImageStatus b
                && Objects.equals(image, b.image)
                && Objects.equals(requestedImage, b.requestedImage)
                && Objects.equals(eolDate, b.eolDate)
                && Objects.equals(eolBasis, b.eolBasis)
                && Objects.equals(rewrittenFrom, b.rewrittenFrom);
    }

    @Override
    public int hashCode() {
        return Objects.hash(image, requestedImage, eolDate, eolBasis, rewrittenFrom);
    }
}
