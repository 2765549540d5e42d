-- The vote fast path in one round trip (see FastPath.java).
-- KEYS[1] vote:{voter}:poll:<poll>   KEYS[2] vote:{voter}:idem:<key> (a dummy when ARGV[2] = '0')
-- KEYS[3..] rate-limit counters
-- ARGV[1] counter TTL in seconds     ARGV[2] '1' when an idempotency key was sent
-- ARGV[3] the receipt this attempt will get (the slot's value)   ARGV[4] the reservation's TTL in milliseconds
-- Returns {'replay', receiptJson} or {'checked', priorReceiptJson or '', count1, count2, ...}; with an empty
-- prior, the slot is now reserved for ARGV[3]: the caller settles it after the ack or releases it.
if ARGV[2] == '1' then
  local replay = redis.call('GET', KEYS[2])
  if replay then
    return {'replay', replay}
  end
end
local prior = redis.call('GET', KEYS[1])
local result = {'checked', prior or ''}
for i = 3, #KEYS do
  local count = redis.call('INCR', KEYS[i])
  if count == 1 then
    redis.call('EXPIRE', KEYS[i], ARGV[1])
  end
  result[#result + 1] = count
end
if not prior then
  -- Short-lived: if this ingest dies before the ack, the slot frees itself.
  redis.call('SET', KEYS[1], ARGV[3], 'PX', ARGV[4])
end
return result
