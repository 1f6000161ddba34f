# What the portal and other roots may read from this state.

output "bucket" {
  description = "The bucket's name."
  value       = module.bucket.name
}
