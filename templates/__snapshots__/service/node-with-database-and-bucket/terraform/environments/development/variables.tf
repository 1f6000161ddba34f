# What this root needs; terraform.tfvars gives this environment's values. The ranges are the
# golden path form's (templates/ in the platform portal): a value outside them fails the plan.

variable "environment" {
  description = "Name of the catalog Environment this root provisions (environment:default/<name>)."
  type        = string
}

variable "production" {
  description = "Whether the environment is production: high availability and deletion protection."
  type        = bool
}

variable "cloud_account" {
  description = "The environment's cloud account (GCP project, AWS account or Azure subscription)."
  type        = string
}

variable "region" {
  description = "The environment's cloud region (Environment spec.cloud.region, which may be absent): the provider's default region. null leaves it to the provider's own setting (GOOGLE_REGION, AWS_REGION); Azure resources have their own location."
  type        = string
  default     = null
}

variable "workload" {
  description = "The service whose pods use these resources: its Kubernetes namespace and service account."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,50}[a-z0-9]$", var.workload))
    error_message = "workload must be a service name: lowercase letters, digits and dashes, starting with a letter."
  }
}

variable "owner" {
  description = "The owning team (its catalog Group name), for labels."
  type        = string
}

variable "database_tier" {
  description = "PostgreSQL instance size: small (1 vCPU, 3.75 GB), medium (2 vCPU, 7.5 GB) or large (4 vCPU, 15 GB)."
  type        = string

  validation {
    condition     = contains(["small", "medium", "large"], var.database_tier)
    error_message = "database_tier must be small, medium or large."
  }
}

variable "database_storage_gb" {
  description = "PostgreSQL storage in GB; it grows automatically beyond this, never shrinks."
  type        = number

  validation {
    condition     = var.database_storage_gb >= 10 && var.database_storage_gb <= 1000 && floor(var.database_storage_gb) == var.database_storage_gb
    error_message = "database_storage_gb must be a whole number from 10 to 1000."
  }
}

variable "postgres_version" {
  description = "PostgreSQL major version."
  type        = string

  validation {
    condition     = contains(["15", "16", "17"], var.postgres_version)
    error_message = "postgres_version must be 15, 16 or 17."
  }
}

variable "bucket_versioning" {
  description = "Whether the bucket keeps previous versions of overwritten and deleted objects."
  type        = bool
}

variable "bucket_expire_after_days" {
  description = "Days after which objects are deleted; 0 keeps them forever."
  type        = number

  validation {
    condition     = var.bucket_expire_after_days >= 0 && var.bucket_expire_after_days <= 3650 && floor(var.bucket_expire_after_days) == var.bucket_expire_after_days
    error_message = "bucket_expire_after_days must be a whole number from 0 (keep forever) to 3650."
  }
}
