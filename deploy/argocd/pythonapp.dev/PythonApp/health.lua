-- Argo CD health check for pythonapp.dev/PythonApp.
--
-- Written for Lua 5.1 (Argo CD runs it with gopher-lua): no goto, no integer
-- division, generations compared with tonumber(). The same script is embedded in
-- deploy/argocd/argocd-cm-health-patch.yaml; ArgoCdHealthCheckTest keeps the two
-- identical.
--
-- Rules, in order:
--   1. No status, or status.observedGeneration missing or older than
--      metadata.generation: Progressing (the operator has not seen the spec yet).
--   2. Conditions whose observedGeneration is older than metadata.generation are
--      stale and ignored.
--   3. Reconciled=False, BuilderSupported=False or Built=False: Degraded.
--      BuilderSupported=False (reason EndOfLife) stays Degraded even when
--      Ready=True, because the builder is end of life and builds are blocked or
--      unsupported. Built=False (the latest build failed, errored or was
--      cancelled; its message carries the hint) stays Degraded even when the
--      previous image still serves: the change in Git is not running.
--   4. Ready=True: Healthy. An EndOfLifeSoon or Rewritten note from
--      BuilderSupported leads the message.
--   5. Anything else (Ready False, Unknown, missing or stale): Progressing, for
--      example while the first build runs (Built=Unknown).

local hs = {}

-- Generations are integers; print them without a trailing ".0".
local function genString(n)
  local s = string.gsub(tostring(n), "%.0+$", "")
  return s
end

local function nonEmpty(s)
  return type(s) == "string" and s ~= ""
end

-- The condition's message, else its reason, else the given default.
local function describe(c, default)
  if nonEmpty(c.message) then
    return c.message
  end
  if nonEmpty(c.reason) then
    return c.reason
  end
  return default
end

local generation = nil
if obj.metadata ~= nil then
  generation = tonumber(obj.metadata.generation)
end

local waitingMessage = "Waiting for the operator to report status"
if generation ~= nil then
  waitingMessage = "Waiting for the operator to observe generation " .. genString(generation)
end

if obj.status == nil then
  hs.status = "Progressing"
  hs.message = waitingMessage
  return hs
end

local observedGeneration = tonumber(obj.status.observedGeneration)
if observedGeneration == nil or (generation ~= nil and observedGeneration < generation) then
  hs.status = "Progressing"
  hs.message = waitingMessage
  return hs
end

-- Index the conditions by type, keeping current and stale ones apart.
local current = {}
local stale = {}
if type(obj.status.conditions) == "table" then
  for _, c in ipairs(obj.status.conditions) do
    if type(c) == "table" and c.type ~= nil then
      local conditionGeneration = tonumber(c.observedGeneration)
      if conditionGeneration ~= nil and generation ~= nil and conditionGeneration < generation then
        stale[c.type] = c
      else
        current[c.type] = c
      end
    end
  end
end

local reconciled = current["Reconciled"]
local ready = current["Ready"]
local builder = current["BuilderSupported"]
local built = current["Built"]

local degraded = {}
if reconciled ~= nil and reconciled.status == "False" then
  table.insert(degraded, describe(reconciled, "Reconcile failed"))
end
if builder ~= nil and builder.status == "False" then
  local builderMessage = describe(builder, "Builder image is end of life")
  if degraded[1] ~= builderMessage then
    table.insert(degraded, builderMessage)
  end
end
if built ~= nil and built.status == "False" then
  local builtMessage = describe(built, "The latest build failed")
  if degraded[#degraded] ~= builtMessage then
    table.insert(degraded, builtMessage)
  end
end
if #degraded > 0 then
  hs.status = "Degraded"
  hs.message = table.concat(degraded, " | ")
  return hs
end

-- Ready or Reconciled reported only for an older generation.
local staleMessage = nil
if ready == nil and stale["Ready"] ~= nil then
  staleMessage = "Waiting for the Ready condition of generation " .. genString(generation)
elseif reconciled == nil and stale["Reconciled"] ~= nil then
  staleMessage = "Waiting for the Reconciled condition of generation " .. genString(generation)
end
if staleMessage ~= nil then
  hs.status = "Progressing"
  hs.message = staleMessage
  return hs
end

if ready ~= nil and ready.status == "True" then
  local parts = {}
  if builder ~= nil and (builder.reason == "EndOfLifeSoon" or builder.reason == "Rewritten") and nonEmpty(builder.message) then
    table.insert(parts, builder.message)
  end
  if nonEmpty(ready.message) then
    table.insert(parts, ready.message)
  end
  hs.status = "Healthy"
  hs.message = table.concat(parts, " | ")
  return hs
end

hs.status = "Progressing"
if ready ~= nil then
  hs.message = describe(ready, "Waiting for the PythonApp to become ready")
else
  hs.message = "Waiting for the Ready condition"
end
return hs
