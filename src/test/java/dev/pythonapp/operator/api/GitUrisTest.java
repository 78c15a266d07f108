package dev.pythonapp.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The git URL pattern of the CRD schema. A JSON-schema {@code pattern} is searched, not matched as a whole, so the test
 * uses {@link java.util.regex.Matcher#find()}: the pattern must anchor itself.
 */
class GitUrisTest {
    private static final Pattern PATTERN = Pattern.compile(GitUris.PATTERN);

    private static boolean accepts(String uri) {
        return PATTERN.matcher(uri).find();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://github.com/sclorg/django-ex.git",
                "https://github.com/sclorg/django-ex",
                "https://gitlab.example.com/group/sub-group/project.git",
                "https://host:8443/x",
                "https://git.example.com",
                "ssh://git@github.com/org/repo.git",
                "ssh://github.com/org/repo.git",
                "ssh://git@git.example.com:2222/org/repo.git",
                "git@github.com:org/repo.git",
                "git@gitlab.example.com:group/sub/repo.git",
                "org-123@vs-ssh.visualstudio.com:v3/org/project/repo",
            })
    void acceptsHttpsSshAndScpLikeUrls(String uri) {
        assertThat(accepts(uri)).as(uri).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://github.com/sclorg/django-ex.git",
                "https://user:token@github.com/x",
                "https://token@github.com/x",
                "https://github.com:443@evil.example.com/x",
                "https://github.com/x@y",
                "git://github.com/sclorg/django-ex.git",
                "github.com/x",
                "",
                "https://github.com/sclorg/django ex.git",
                " https://github.com/sclorg/django-ex.git",
                "https://github.com/sclorg/django-ex.git other",
                "ssh://git@github.com",
                "git@github.com:/absolute/path.git",
                "file:///srv/git/repo.git",
                "git@github.com:org/re po.git",
            })
    void rejectsPlainTextCredentialsAndMalformedUrls(String uri) {
        assertThat(accepts(uri)).as("'%s'", uri).isFalse();
    }
}
