# What the portal and other roots may read from this state.

output "cache_host" {
  description = "The Redis instance's address."
  value       = module.cache.host
}
