-- Rounds can be scheduled: a round whose opensAt is in the future waits in "scheduled" until the
-- worker opens it (and grants the budgets). Additive: a new value of the status enum.
-- AlterEnum
ALTER TYPE "funding_round_status" ADD VALUE 'scheduled' BEFORE 'open';
