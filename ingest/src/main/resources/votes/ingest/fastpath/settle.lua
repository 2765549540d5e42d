-- After the broker's ack: the reserved slot becomes the accepted vote with the long TTL, and the
-- Idempotency-Key's answer is written. The slot is taken only while free or ours: a slot that names another
-- receipt (our reservation expired and another attempt reserved it) is left alone; the ledger decides.
-- The vote also joins each accepted-vote list named (rl:*:accepted: the sliding-log keys that admitted it, which
-- check.lua hands over when the key refuses a vote; bot:mint:*:accepted: its token batch's), capped and expiring as
-- given, until the list's group is seen: a list marked 'handover' (this vote's own flag names the group) is handed
-- back and left holding '!seen' for its life; a list holding '!seen' hands back this vote instead of keeping it.
-- KEYS[1] vote:{voter}:poll:<poll>   KEYS[2] vote:{voter}:idem:<key> (a dummy when ARGV[3] = '0')
-- The vote is counted in its poll's and its prefix's option tallies too (bot:options:*, what the option skew reads).
-- KEYS[3], KEYS[4] the poll's and the prefix's option tallies, only when ARGV[5] names an option (t = 2, else 0)
-- KEYS[3 + t ..] the accepted-vote lists
-- ARGV[1] the receipt   ARGV[2] TTL in seconds   ARGV[3] '1' when an idempotency key was sent
-- ARGV[4] the list entry ('<voteId> <pollId>')   ARGV[5] the vote's option ('' = no tallies)   ARGV[6] their life ms
-- ARGV[7 + 3(j-1)], ARGV[8 + 3(j-1)], ARGV[9 + 3(j-1)] list j's cap, life in ms, and 'push' or 'handover'
-- Returns {j1, entry1, j2, entry2, ...}: each vote handed back with the number of the list it came from.
local current = redis.call('GET', KEYS[1])
if not current or current == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
end
if ARGV[3] == '1' then
  redis.call('SET', KEYS[2], ARGV[1], 'EX', ARGV[2])
end
local t = 0
if ARGV[5] ~= '' then
  t = 2
  for _, tally in ipairs({KEYS[3], KEYS[4]}) do
    redis.call('HINCRBY', tally, ARGV[5], 1)
    redis.call('HINCRBY', tally, '*', 1)
    redis.call('PEXPIRE', tally, ARGV[6])
  end
end
local handed = {}
for j = 3 + t, #KEYS do
  local at = 7 + 3 * (j - 3 - t)
  if ARGV[at + 2] == 'handover' then
    for _, vote in ipairs(redis.call('LRANGE', KEYS[j], 0, -1)) do
      if vote ~= '!seen' then
        handed[#handed + 1] = j - 2 - t
        handed[#handed + 1] = vote
      end
    end
    redis.call('DEL', KEYS[j])
    redis.call('RPUSH', KEYS[j], '!seen')
    redis.call('PEXPIRE', KEYS[j], ARGV[at + 1])
  elseif redis.call('LINDEX', KEYS[j], 0) == '!seen' then
    handed[#handed + 1] = j - 2 - t
    handed[#handed + 1] = ARGV[4]
  else
    redis.call('LPUSH', KEYS[j], ARGV[4])
    redis.call('LTRIM', KEYS[j], 0, tonumber(ARGV[at]) - 1)
    redis.call('PEXPIRE', KEYS[j], ARGV[at + 1])
  end
end
return handed
