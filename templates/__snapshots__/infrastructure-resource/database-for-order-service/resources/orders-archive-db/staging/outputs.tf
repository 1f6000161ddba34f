# What the portal and other roots may read from this state.

output "database_instance" {
  description = "The PostgreSQL instance's connection name."
  value       = module.database.connection_name
}
