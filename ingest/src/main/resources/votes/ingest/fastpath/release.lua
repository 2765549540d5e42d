-- Frees a reserved slot, but only while it still holds this attempt's receipt (compare-and-delete): never
-- someone else's reservation, nor an accepted vote.
-- KEYS[1] vote:{voter}:poll:<poll>   ARGV[1] the receipt the slot was reserved with
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
