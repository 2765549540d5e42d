-- After the broker's ack: the reserved slot becomes the accepted vote with the long TTL, and the
-- Idempotency-Key's answer is written. The slot is taken only while free or ours: a slot that names another
-- receipt (our reservation expired and another attempt reserved it) is left alone; the ledger decides.
-- KEYS[1] vote:{voter}:poll:<poll>   KEYS[2] vote:{voter}:idem:<key> (a dummy when ARGV[3] = '0')
-- ARGV[1] the receipt   ARGV[2] TTL in seconds   ARGV[3] '1' when an idempotency key was sent
local current = redis.call('GET', KEYS[1])
if not current or current == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
end
if ARGV[3] == '1' then
  redis.call('SET', KEYS[2], ARGV[1], 'EX', ARGV[2])
end
return 1
