#!/bin/bash
# A throw-away one-machine SLURM cluster (Debian's slurm-wlm + munge), for testing the array job on CPU.
#
#   sudo bash scripts/slurm/single-node.sh start DIR   # installs the packages if missing; config in DIR
#   export SLURM_CONF=DIR/slurm.conf                   # then sbatch/squeue/sacct use it
#   sudo bash scripts/slurm/single-node.sh stop DIR
#
# Needs root (daemons, apt). Not for real clusters: those have their own SLURM.
set -euo pipefail
ACTION=${1:?usage: single-node.sh start|stop DIR}
DIR=$(mkdir -p "${2:?usage: single-node.sh start|stop DIR}" && cd "$2" && pwd)

if [ "$ACTION" = stop ]; then
  for pidfile in "$DIR"/slurmd.pid "$DIR"/slurmctld.pid "$DIR"/munged.pid; do
    [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null || true
  done
  exit 0
fi

if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v munged >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q --no-install-recommends slurmctld slurmd slurm-client munge >"$DIR/apt.log" 2>&1 ||
    { apt-get update -q >>"$DIR/apt.log" 2>&1 &&
      apt-get install -y -q --no-install-recommends slurmctld slurmd slurm-client munge >>"$DIR/apt.log" 2>&1; }
fi

# munge: one key, one daemon (its socket is where the SLURM plugins look for it)
mkdir -p /etc/munge /run/munge /var/lib/munge /var/log/munge
[ -s /etc/munge/munge.key ] || dd if=/dev/urandom of=/etc/munge/munge.key bs=1 count=1024 status=none
chown -R munge:munge /etc/munge /run/munge /var/lib/munge /var/log/munge 2>/dev/null || true
chmod 0400 /etc/munge/munge.key
if ! munge -n >/dev/null 2>&1; then
  munged --force --pid-file="$DIR/munged.pid" 2>/dev/null || runuser -u munge -- munged --pid-file="$DIR/munged.pid"
fi

HOST=$(hostname -s)
CPUS=$(nproc)
MEM_MB=$(($(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 - 512))
mkdir -p "$DIR/state" "$DIR/spool"
cat >"$DIR/slurm.conf" <<CONF
ClusterName=single
SlurmctldHost=$HOST
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
StateSaveLocation=$DIR/state
SlurmdSpoolDir=$DIR/spool
SlurmctldPidFile=$DIR/slurmctld.pid
SlurmdPidFile=$DIR/slurmd.pid
SlurmctldLogFile=$DIR/slurmctld.log
SlurmdLogFile=$DIR/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MpiDefault=none
NodeName=$HOST CPUs=$CPUS RealMemory=$MEM_MB State=UNKNOWN
PartitionName=main Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$DIR/slurm.conf"
slurmctld -f "$SLURM_CONF"
slurmd -f "$SLURM_CONF"
for _ in $(seq 60); do
  if sinfo -h -o %T 2>/dev/null | grep -qE '^(idle|mixed|allocated)'; then
    echo "SLURM ready: export SLURM_CONF=$SLURM_CONF"
    exit 0
  fi
  sleep 1
done
echo "SLURM did not come up; see $DIR/slurmctld.log and $DIR/slurmd.log" >&2
exit 1
