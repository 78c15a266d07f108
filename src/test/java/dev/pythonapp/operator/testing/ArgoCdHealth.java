package dev.pythonapp.operator.testing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.jse.JsePlatform;

/** Runs the Argo CD health check (deploy/argocd) on a resource, as Argo CD does: the object as a Lua table. */
public final class ArgoCdHealth {
    public static final Path HEALTH_LUA = Path.of("deploy/argocd/pythonapp.dev/PythonApp/health.lua");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ArgoCdHealth() {}

    /** Argo CD's health status and message of a live object. */
    public record Health(String status, String message) {}

    public static Health of(HasMetadata resource) {
        LuaValue hs = run(JSON.convertValue(resource, new TypeReference<Map<String, Object>>() {}));
        return new Health(
                hs.get("status").tojstring(),
                hs.get("message").isnil() ? "" : hs.get("message").tojstring());
    }

    public static LuaValue run(Map<String, Object> resource) {
        Globals globals = JsePlatform.standardGlobals();
        globals.set("obj", toLua(resource));
        LuaValue chunk = globals.load(read(), "health.lua");
        return chunk.call();
    }

    /** Maps become tables with string keys, lists become sequences starting at 1, numbers stay numbers. */
    public static LuaValue toLua(Object value) {
        if (value == null) {
            return LuaValue.NIL;
        }
        if (value instanceof Map<?, ?> map) {
            LuaTable table = new LuaTable();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                table.set(String.valueOf(entry.getKey()), toLua(entry.getValue()));
            }
            return table;
        }
        if (value instanceof List<?> list) {
            LuaTable table = new LuaTable();
            int index = 1;
            for (Object element : list) {
                table.set(index++, toLua(element));
            }
            return table;
        }
        if (value instanceof Boolean bool) {
            return LuaValue.valueOf(bool);
        }
        if (value instanceof Number number) {
            // Like Argo CD, where gopher-lua turns every JSON number into a float64.
            return LuaValue.valueOf(number.doubleValue());
        }
        return LuaValue.valueOf(value.toString());
    }

    private static String read() {
        try {
            return Files.readString(HEALTH_LUA);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
