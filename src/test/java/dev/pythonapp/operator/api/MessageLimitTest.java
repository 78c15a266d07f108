package dev.pythonapp.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageLimitTest {

    @Test
    void textThatFitsIsKept() {
        String exactly120 = "w".repeat(120);
        assertThat(MessageLimit.ADMISSION_WARNING.cut(exactly120)).isSameAs(exactly120);
        assertThat(MessageLimit.CAUSE.cut("connection refused")).isEqualTo("connection refused");
    }

    @Test
    void longerTextIsCutToTheLimitWithAnEllipsis() {
        String cut = MessageLimit.ADMISSION_WARNING.cut("builder " + "x".repeat(200));
        assertThat(cut).hasSize(120).startsWith("builder xxx").endsWith("x...");
        assertThat(MessageLimit.CAUSE.cut("e".repeat(601))).hasSize(600).endsWith("e...");
        assertThat(MessageLimit.EVENT.cut("m".repeat(5000))).hasSize(1000);
    }

    @Test
    void theLimitsByWhereAMessageIsShown() {
        assertThat(MessageLimit.ADMISSION_WARNING.maxLength()).isEqualTo(120);
        assertThat(MessageLimit.CAUSE.maxLength()).isEqualTo(600);
        assertThat(MessageLimit.EVENT.maxLength()).isEqualTo(1000);
    }
}
