# What the portal and other roots may read from this state.

output "service_account" {
  description = "The cloud service account the workload's pods act as."
  value       = module.service_account.email
}
