-- RedisScriptIT's script: answers its first argument, touches nothing.
return ARGV[1]
