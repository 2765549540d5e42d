-- The vote fast path in one round trip (see FastPath.java).
-- KEYS[1] vote:{voter}:poll:<poll>   KEYS[2] vote:{voter}:idem:<key> (a dummy when ARGV[2] = '0')
-- KEYS[3 .. 2+n] rate-limit keys, each with 4 ARGVs from ARGV[7]: shape ('bucket' | 'log'), limit, window ms, burst
-- KEYS[3+n .. 2+2n] only when over-limit flags are on (ARGV[7+4n] = '1', m = n; else m = 0): each rate-limit key's
--   list of the votes it admitted and the log acked (settle.lua writes them)
-- KEYS[3+n+m .. 7+n+m] only when the bot history is asked for (ARGV[8+4n] > 0): the user agent's counter, the
--   address's arrival list, the token's issue-second counter (bot:ua:*, bot:arrivals:*, bot:mint:*), the poll's and
--   the prefix's option tallies (bot:options:*, hashes option -> accepted votes, '*' -> all; settle.lua counts)
-- ARGV[1] now (epoch ms, the caller's clock: the in-process fallback uses the same one)
-- ARGV[2] '1' when an idempotency key was sent
-- ARGV[3] the receipt this attempt will get (the slot's value)   ARGV[4] the reservation's TTL in milliseconds
-- ARGV[5] this attempt's id (a sliding log's member)   ARGV[6] n, the number of rate-limit keys
-- ARGV[7+4n] '1' when over-limit flags are on
-- ARGV[8+4n] arrivals kept (0 = no bot history)   ARGV[9+4n] the window ms   ARGV[10+4n] the mint counters' life ms
-- ARGV[11+4n] the vote's option
-- The last d KEYS, d = the last ARGV (always there, 0 for a token without sid/jti): the token's deny-list keys
--   (token:blacklist:sid:*, token:blacklist:jti:*, RevokedTokens.java; written by a logout)
-- Returns {'revoked'} (a key of the deny-list is set: nothing read, counted or reserved), {'replay', receiptJson}, or {'limited', i, retryMs [, vote1, vote2, ...]} (KEYS[2 + i] refused; nothing
-- counted or reserved; with over-limit flags on and a sliding log refusing, the votes it had admitted and the log
-- acked, handed over once: the list then holds only '!seen'),
-- or {'checked', priorReceiptJson} (a duplicate: nothing counted), or {'checked', '', n1, .., nn [, uaCount,
-- mintCount, prefixForOption, prefix, pollForOption, poll, arrival1, arrival2, ...]} (n = a log's votes in its window with this one, 0 for a bucket; arrivals
-- newest first, this one included): the slot is now reserved for ARGV[3], the caller settles it after the ack or
-- releases it. The arithmetic is TokenBucket.java's and SlidingLog.java's: keep them in step.
-- First: a token whose session ended is refused before anything else is answered, a replay included.
local denied = tonumber(ARGV[#ARGV])
for i = #KEYS - denied + 1, #KEYS do
  if redis.call('EXISTS', KEYS[i]) == 1 then
    return {'revoked'}
  end
end
if ARGV[2] == '1' then
  local replay = redis.call('GET', KEYS[2])
  if replay then
    return {'replay', replay}
  end
end
-- A duplicate is answered before the limits and counted by none: it changes nothing, and a voter's double click
-- (or a client's retries) must not eat the budget they need for their other polls.
local prior = redis.call('GET', KEYS[1])
if prior then
  return {'checked', prior}
end
local now = tonumber(ARGV[1])
local n = tonumber(ARGV[6])
local function arg(i, k) return tonumber(ARGV[6 + 4 * (i - 1) + k]) end
local function shape(i) return ARGV[6 + 4 * (i - 1) + 1] end
local function ms(x) return string.format('%d', x) end

-- First every key's verdict: a vote refused by one key is counted by none (its Retry-After stays exact).
local worst, worstWait = 0, 0
local counts = {}
for i = 1, n do
  local key, limit, window, burst = KEYS[2 + i], arg(i, 2), arg(i, 3), arg(i, 4)
  local wait = 0
  if shape(i) == 'bucket' then
    local interval = math.max(1, math.floor(window / limit))
    local tat = math.max(tonumber(redis.call('GET', key) or '0'), now)
    wait = tat + interval - burst * interval - now
    counts[i] = 0
  else
    redis.call('ZREMRANGEBYSCORE', key, '-inf', ms(now - window))
    local c = redis.call('ZCARD', key)
    if c >= limit then
      wait = tonumber(redis.call('ZRANGE', key, c - limit, c - limit, 'WITHSCORES')[2]) + window - now
    end
    if burst < limit then
      local burstWindow = math.floor(window * burst / limit)
      if redis.call('ZCOUNT', key, '(' .. ms(now - burstWindow), '+inf') >= burst then
        local oldest = tonumber(redis.call('ZRANGE', key, c - burst, c - burst, 'WITHSCORES')[2])
        wait = math.max(wait, oldest + burstWindow - now)
      end
    end
    counts[i] = c + 1
  end
  if wait > worstWait then
    worst, worstWait = i, wait
  end
end
local tracked = ARGV[7 + 4 * n] == '1'
local m = tracked and n or 0
if worst > 0 then
  local refusal = {'limited', worst, worstWait}
  -- A subject over its limit is a bot's mark: the votes it got in under the limit go to review (as flags), and
  -- the '!seen' entry left in their place makes settle.lua flag each vote it still gets in, for one more window
  -- (AcceptedList.SEEN).
  if tracked and shape(worst) == 'log' then
    local accepted = KEYS[2 + n + worst]
    for _, vote in ipairs(redis.call('LRANGE', accepted, 0, -1)) do
      if vote ~= '!seen' then
        refusal[#refusal + 1] = vote
      end
    end
    redis.call('DEL', accepted)
    redis.call('RPUSH', accepted, '!seen')
    redis.call('PEXPIRE', accepted, ms(arg(worst, 3)))
  end
  return refusal
end
for i = 1, n do
  local key, limit, window = KEYS[2 + i], arg(i, 2), arg(i, 3)
  if shape(i) == 'bucket' then
    local interval = math.max(1, math.floor(window / limit))
    local tat = math.max(tonumber(redis.call('GET', key) or '0'), now) + interval
    redis.call('SET', key, ms(tat), 'PX', ms(tat - now))
  else
    redis.call('ZADD', key, ms(now), ARGV[5])
    redis.call('PEXPIRE', key, ms(window))
  end
end

local result = {'checked', ''}
for i = 1, n do
  result[#result + 1] = counts[i]
end
-- The bot score's history, kept only for votes the limits admitted (what it scores), every key window-bounded.
local kept = tonumber(ARGV[8 + 4 * n])
if kept > 0 then
  local window, mintLife = ARGV[9 + 4 * n], ARGV[10 + 4 * n]
  local agentKey, arrivalsKey, mintKey = KEYS[3 + n + m], KEYS[4 + n + m], KEYS[5 + n + m]
  local agents = redis.call('INCR', agentKey)
  if agents == 1 then
    redis.call('PEXPIRE', agentKey, window)
  end
  local minted = redis.call('INCR', mintKey)
  if minted == 1 then
    redis.call('PEXPIRE', mintKey, mintLife)
  end
  redis.call('LPUSH', arrivalsKey, ms(now))
  redis.call('LTRIM', arrivalsKey, 0, kept - 1)
  redis.call('PEXPIRE', arrivalsKey, window)
  result[#result + 1] = agents
  result[#result + 1] = minted
  local option = ARGV[11 + 4 * n]
  for _, tally in ipairs({KEYS[7 + n + m], KEYS[6 + n + m]}) do
    local counts = redis.call('HMGET', tally, option, '*')
    result[#result + 1] = tonumber(counts[1] or '0')
    result[#result + 1] = tonumber(counts[2] or '0')
  end
  for _, arrival in ipairs(redis.call('LRANGE', arrivalsKey, 0, -1)) do
    result[#result + 1] = tonumber(arrival)
  end
end
-- Short-lived: if this ingest dies before the ack, the slot frees itself.
redis.call('SET', KEYS[1], ARGV[3], 'PX', ARGV[4])
return result
