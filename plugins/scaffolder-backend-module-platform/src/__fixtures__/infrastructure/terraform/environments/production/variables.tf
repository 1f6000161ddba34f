variable "project" {
  type        = string
  description = "The cloud project of this environment."
}
