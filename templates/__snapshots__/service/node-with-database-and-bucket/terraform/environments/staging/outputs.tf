# What the portal and other roots may read from this state.

output "service_account" {
  description = "The cloud service account the workload's pods act as."
  value       = module.service_account.email
}

output "database_instance" {
  description = "The PostgreSQL instance's connection name."
  value       = module.database.connection_name
}

output "bucket" {
  description = "The bucket's name."
  value       = module.bucket.name
}
